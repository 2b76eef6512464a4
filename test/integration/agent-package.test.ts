// msx agent-package --type tar: the package unpacked outside the repository runs with a plain node, enlists
// itself with its own token on first start and runs a job with a CmdExec and a SQL step; a package whose token
// was revoked is refused at first start with the master's reason; a newer package unpacked over it keeps its identity;
// its other commands (enlist, proxy, simulate) and a SQL step on PostgreSQL work from it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { extract } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJob } from '../../lib/msx/jobs'
import { agentBundle } from '../support/agent-bundle'
import { adminOf, postJob, waitForRuns } from '../support/job-runs'
import { startPgCluster } from '../support/pg-cluster'
import { eventually, type Master, Running, startMaster, stopAll, targetRow, tempDir } from '../support/processes'

let master: Master

beforeAll(async () => {
  await agentBundle()
  master = await startMaster()
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

/** Makes a package with msx and unpacks it (in an empty folder of its own by default); returns msx-agent/. */
async function unpackedPackage(...args: string[]) {
  return unpackedPackageIn(tempDir('msx-package-'), ...args)
}

async function unpackedPackageIn(where: string, ...args: string[]) {
  const out = path.join(tempDir('msx-package-out-'), 'msx-agent.tar.gz')
  const made = await master.msxOk(
    'agent-package',
    '--type',
    'tar',
    '--out',
    out,
    '--gateway',
    master.url,
    '--json',
    ...args,
  )
  await extract({ file: out, cwd: where })
  return { dir: path.join(where, 'msx-agent'), tokenId: JSON.parse(made.stdout).tokenId as number }
}

function noNodeModulesAbove(dir: string) {
  for (let at = dir; ; at = path.dirname(at)) {
    expect(fs.existsSync(path.join(at, 'node_modules')), `${at}/node_modules`).toBe(false)
    if (path.dirname(at) === at) return
  }
}

/** The package's launcher, run from the package's own folder with a PATH that holds node and the system only. */
function packaged(dir: string, ...args: string[]) {
  return new Running(
    spawn(path.join(dir, 'bin', 'msx-agent'), args, {
      cwd: dir,
      env: { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: dir, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
}

describe('an agent package', () => {
  it('unpacks to msx-agent/ and its agent enlists itself, then runs a CmdExec and a SQL step; doctor and defect work from it', async () => {
    const { dir, tokenId } = await unpackedPackage('--token-uses', '1', '--location', 'Rack 4')
    expect(fs.readdirSync(dir).sort()).toEqual(['bin', 'etc', 'install.sh', 'lib'])
    noNodeModulesAbove(dir)
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'etc', 'agent.json'), 'utf8'))
    expect(config).toMatchObject({ gatewayUrl: master.url, location: 'Rack 4' })
    expect((fs.statSync(path.join(dir, 'etc', 'agent.json')).mode & 0o777).toString(8)).toBe('600')

    const run = packaged(dir, 'run', '--name', 'PKG1')
    await run.waitFor(/PKG1 polling master MSX1/)
    const target = await eventually(
      () => targetRow(master, 'PKG1'),
      (t) => t?.lastPolled != null,
    )
    expect(target?.location).toBe('Rack 4')
    const token = await master.db.enlistmentToken.findUnique({ where: { id: tokenId } })
    expect(token?.usesLeft).toBe(0)

    const status = await packaged(dir, 'status', '--json').exited
    expect(JSON.parse(status.stdout)).toMatchObject({ name: 'PKG1', state: 'enlisted' })
    expect(fs.existsSync(path.join(dir, 'var', 'agent.db'))).toBe(true)
    const added = await packaged(dir, 'connection', 'add', 'lite', `file:${path.join(dir, 'var', 'steps.db')}`).exited
    expect(added.code).toBe(0)

    await createJob(adminOf(master), {
      name: 'packaged-steps',
      steps: [
        { name: 'shell', kind: 'cmdexec', command: 'echo from the package', onSuccess: 'next' },
        { name: 'sql', kind: 'sql', connection: 'lite', command: 'SELECT 6 * 7 AS answer' },
      ],
      targets: { servers: ['PKG1'], groups: [] },
    })
    await eventually(
      async () => (await packaged(dir, 'status', '--json').exited).stdout,
      (out) => out.includes('packaged-steps'),
    )
    await postJob(master, 'START', 'packaged-steps', ['PKG1'])
    const [runOfJob] = await waitForRuns(master, 'packaged-steps')
    expect(runOfJob?.steps.map((s) => [s.stepName, s.outcome])).toEqual([
      ['shell', 'Succeeded'],
      ['sql', 'Succeeded'],
    ])
    expect(runOfJob?.steps[0]?.output).toContain('from the package')
    expect(runOfJob?.steps[1]?.output).toBe('answer\n42\n(1 row)\n')
    const doctor = await packaged(dir, 'doctor').exited
    expect(doctor.code, doctor.stdout).toBe(0)
    await run.stop()
    const defected = await packaged(dir, 'defect').exited
    expect(defected.code, defected.stderr).toBe(0)
    await eventually(
      () => targetRow(master, 'PKG1'),
      (t) => t === undefined,
    )
  })

  it('is refused at first start, with the reason, when its token was revoked on the master', async () => {
    const { dir, tokenId } = await unpackedPackage()
    const listed = await master.msxOk('token', 'list', '--json')
    expect(JSON.parse(listed.stdout).map((t: { id: number }) => t.id)).toContain(tokenId)
    await master.msxOk('token', 'revoke', String(tokenId))
    const refused = await packaged(dir, 'run', '--name', 'PKG2').exited
    expect(refused.code).toBe(3)
    expect(refused.stderr.trim()).toBe(
      "msx-agent: The master refused to enlist PKG2 with this package's token: The enlistment token was revoked: create a new one with `msx token create`.",
    )
    expect(await targetRow(master, 'PKG2')).toBeUndefined()
  })

  it('is made by operators and administrators, audited; a viewer is refused; a bad option says what to give', async () => {
    const operator = await master.addUser('operator', 'olga')
    const viewer = await master.addUser('viewer', 'vera')
    const out = path.join(tempDir('msx-package-roles-'), 'p.tar.gz')
    const args = ['agent-package', '--type', 'tar', '--out', out, '--gateway', master.url]
    expect((await master.msxWith({ token: operator.token }, ...args)).code).toBe(0)
    const audited = await master.db.auditEvent.findFirst({ where: { action: 'agent-package.create', actor: 'olga' } })
    expect(audited).not.toBeNull()
    const refused = await master.msxWith({ token: viewer.token }, ...args)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Viewers may not create enlistment tokens')
    const bad = await master.msx(...args, '--token-expires', 'soon')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--token-expires "soon" is not a duration such as 30m, 24h or 7d')
  })

  it('upgraded by unpacking a newer package over it, keeps its identity and its store, and leaves the new token unused', async () => {
    const where = tempDir('msx-package-')
    const first = await unpackedPackageIn(where)
    const run = packaged(first.dir, 'run', '--name', 'PKG4')
    await run.waitFor(/PKG4 polling master MSX1/)
    const enlisted = await eventually(
      () => master.db.targetServer.findUnique({ where: { nameKey: 'PKG4' } }),
      (t) => t?.lastPollAt != null,
    )
    await run.stop()
    const upgrade = await unpackedPackageIn(where, '--token-uses', '1')
    expect(upgrade.dir).toBe(first.dir)
    const again = packaged(upgrade.dir, 'run', '--name', 'PKG4')
    await again.waitFor(/PKG4 polling master MSX1/)
    expect(again.output).not.toMatch(/enlist/i)
    const polled = await eventually(
      () => master.db.targetServer.findUnique({ where: { nameKey: 'PKG4' } }),
      (t) => (t?.lastPollAt?.getTime() ?? 0) > (enlisted?.lastPollAt?.getTime() ?? 0),
    )
    expect(polled).toMatchObject({ id: enlisted?.id, certFingerprint: enlisted?.certFingerprint })
    const token = await master.db.enlistmentToken.findUnique({ where: { id: upgrade.tokenId } })
    expect(token?.usesLeft).toBe(1)
    await again.stop()
  })

  it('runs its other commands from the package too: enlist with a token, proxy, allow-proxy-matching, simulate, and a SQL step on PostgreSQL', async () => {
    const cluster = await startPgCluster()
    try {
      const { dir } = await unpackedPackage()
      const dataDir = tempDir('msx-package-data-')
      const token = async () => JSON.parse((await master.msxOk('token', 'create', '--json')).stdout).token as string
      const inData = (...args: string[]) => packaged(dir, ...args, '--data-dir', dataDir).exited
      const enlist = ['--master', master.url, '--token', await token(), '--ca-fingerprint', master.caFingerprint]
      const enlisted = await inData('enlist', '--name', 'PKG5', ...enlist)
      expect(enlisted.code, enlisted.stderr).toBe(0)
      expect((await inData('proxy', 'add', 'backup_operator', '--account', 'nobody')).stdout).toContain(
        'Proxy backup_operator runs steps as nobody.',
      )
      expect((await inData('allow-proxy-matching', 'on')).stdout).toContain('Proxy matching is on.')
      const proxies = JSON.parse((await inData('proxy', 'list', '--json')).stdout)
      expect(proxies).toMatchObject({
        allowProxyMatching: true,
        proxies: [{ name: 'backup_operator', account: 'nobody' }],
      })
      expect((await inData('connection', 'add', 'pg', cluster.url)).code).toBe(0)

      const run = packaged(dir, 'run', '--data-dir', dataDir)
      await run.waitFor(/PKG5 polling master MSX1/)
      await createJob(adminOf(master), {
        name: 'packaged-pg',
        steps: [{ name: 'sql', kind: 'sql', connection: 'pg', command: 'SELECT 6 * 7 AS answer' }],
        targets: { servers: ['PKG5'], groups: [] },
      })
      await eventually(
        async () => (await inData('status', '--json')).stdout,
        (out) => out.includes('packaged-pg'),
      )
      await postJob(master, 'START', 'packaged-pg', ['PKG5'])
      const [ran] = await waitForRuns(master, 'packaged-pg')
      expect(ran?.steps.map((step) => [step.outcome, step.output])).toEqual([['Succeeded', 'answer\n42\n(1 row)\n']])
      await run.stop()

      const simulate = packaged(dir, 'simulate', '--count', '2', '--prefix', 'PKGSIM', '--report-every', '0', ...enlist)
      await eventually(
        () =>
          master.db.targetServer.count({ where: { nameKey: { startsWith: 'PKGSIM-' }, lastPollAt: { not: null } } }),
        (polled) => polled === 2,
      )
      await simulate.stop()
    } finally {
      cluster.stop()
    }
  })
})
