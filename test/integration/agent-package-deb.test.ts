// msx agent-package --type deb: dpkg-deb reads its control fields, files, modes and maintainer scripts; lintian
// (where installed) finds no error in it; its unit verifies; its files, extracted, run an agent that enlists itself.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agentBundle } from '../support/agent-bundle'
import { eventually, type Master, Running, startMaster, stopAll, targetRow, tempDir } from '../support/processes'

const dpkgDeb = '/usr/bin/dpkg-deb'
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version
const arch = process.arch === 'arm64' ? 'arm64' : 'amd64'

let master: Master
let deb: string
let tokenId: number

beforeAll(async () => {
  await agentBundle()
  master = await startMaster()
  deb = path.join(tempDir('msx-deb-out-'), `msx-agent_${version}_${arch}.deb`)
  const made = await master.msxOk('agent-package', '--type', 'deb', '--out', deb, '--gateway', master.url, '--json')
  tokenId = JSON.parse(made.stdout).tokenId
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

const dpkg = (...args: string[]) => execFileSync(dpkgDeb, args, { encoding: 'utf8' })

describe('a deb agent package', () => {
  it('has the control fields, the maintainer scripts, and the tree under /opt/msx-agent with its modes', () => {
    const info = dpkg('--info', deb)
    expect(info).toContain('Package: msx-agent')
    expect(info).toContain(`Version: ${version}`)
    expect(info).toContain(`Architecture: ${arch}`)
    expect(info).toContain('Depends: nodejs (>= 20)')
    expect(info).toMatch(/Installed-Size: \d+/)
    for (const script of ['postinst', 'prerm', 'postrm', 'md5sums']) expect(info).toContain(script)
    const postinst = dpkg('--info', deb, 'postinst')
    expect(postinst).toContain('useradd --system')
    expect(postinst).toContain('[ -d /run/systemd/system ]')
    expect(postinst).toContain('systemctl enable msx-agent.service')
    expect(dpkg('--info', deb, 'prerm')).toContain('systemctl stop msx-agent.service')
    const postrm = dpkg('--info', deb, 'postrm')
    expect(postrm).toContain('/opt/msx-agent/bin/msx-agent defect')
    expect(postrm).toMatch(/purge\)\n\s+rm -rf \/var\/lib\/msx-agent/)

    const contents = dpkg('--contents', deb)
    const modeOf = (file: string) =>
      contents
        .split('\n')
        .find((line) => line.endsWith(` ./${file}`))
        ?.split(/\s+/)[0]
    expect(modeOf('opt/msx-agent/bin/msx-agent')).toBe('-rwxr-xr-x')
    expect(modeOf('opt/msx-agent/lib/msx-agent.mjs')).toBe('-rw-r--r--')
    expect(modeOf('opt/msx-agent/lib/better_sqlite3.node')).toBe('-rw-r--r--')
    expect(modeOf('opt/msx-agent/etc/agent.json')).toBe('-rw-------')
    expect(modeOf('lib/systemd/system/msx-agent.service')).toBe('-rw-r--r--')
    expect(modeOf('usr/share/doc/msx-agent/copyright')).toBe('-rw-r--r--')
    expect(modeOf('usr/share/doc/msx-agent/changelog.gz')).toBe('-rw-r--r--')
    expect(contents).not.toContain('1970-01-01')
    for (const line of contents.trim().split('\n')) expect(line.split(/\s+/)[1]).toBe('0/0')
  })

  it('has a unit that restarts on failure, logs to the journal and is hardened; systemd-analyze verifies it', () => {
    const where = tempDir('msx-deb-unit-')
    dpkg('-x', deb, where)
    const unitFile = path.join(where, 'lib', 'systemd', 'system', 'msx-agent.service')
    const unit = fs.readFileSync(unitFile, 'utf8')
    for (const line of ['Restart=on-failure', 'User=msx-agent', 'NoNewPrivileges=yes', 'ProtectSystem=full'])
      expect(unit).toContain(line)
    expect(unit).toContain('ExecStart=/opt/msx-agent/bin/msx-agent run')
    expect(unit).not.toMatch(/StandardOutput=(?!journal)/)
    if (!has('systemd-analyze')) return
    // verify resolves ExecStart on this machine: point it at the extracted launcher
    const copy = path.join(where, 'msx-agent.service')
    fs.writeFileSync(
      copy,
      unit.replace('/opt/msx-agent', path.join(where, 'opt', 'msx-agent')).replace(/^User=.*\n|^Group=.*\n/gm, ''),
    )
    const verified = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' })
    expect(
      verified.stderr.split('\n').filter((l) => l.includes('msx-agent.service')),
      verified.stderr,
    ).toEqual([])
  })

  it('passes lintian with no errors', (ctx) => {
    if (!has('lintian')) return ctx.skip('lintian is not installed (apt-get install lintian)')
    const run = spawnSync('lintian', ['--tag-display-limit', '0', deb], { encoding: 'utf8' })
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('E:'))
    expect(errors, run.stdout + run.stderr).toEqual([])
  })

  it('extracted, runs an agent that enlists itself with the packaged token and polls', async () => {
    const where = tempDir('msx-deb-x-')
    dpkg('-x', deb, where)
    const dir = path.join(where, 'opt', 'msx-agent')
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'etc', 'agent.json'), 'utf8'))
    expect(config).toMatchObject({ gatewayUrl: master.url, dataDir: '/var/lib/msx-agent' })
    const dataDir = tempDir('msx-deb-data-')
    const run = new Running(
      spawn(path.join(dir, 'bin', 'msx-agent'), ['run', '--name', 'DEB1', '--data-dir', dataDir], {
        cwd: where,
        env: { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: where, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    )
    await run.waitFor(/DEB1 polling master MSX1/)
    await eventually(
      () => targetRow(master, 'DEB1'),
      (t) => t?.lastPolled != null,
    )
    const token = await master.db.enlistmentToken.findUnique({ where: { id: tokenId } })
    expect(token?.label).toBe('agent package (deb)')
    await run.stop()
  })
})
