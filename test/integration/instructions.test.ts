// Instructions from a real master reaching real, long-polling agents over TLS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listInstructions } from '../../lib/msx/instructions'
import { createJob, deleteJob, updateJob } from '../../lib/msx/jobs'
import {
  agent,
  agentProcess,
  agentStatus,
  enlistAgent,
  eventually,
  type Master,
  type Running,
  startMaster,
  stopAll,
  targetRow,
} from '../support/processes'

let master: Master
const admin = () => ({ db: master.db, actor: { name: 'integration', address: 'test' } })

beforeAll(async () => {
  master = await startMaster()
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

const target = (name: string) => targetRow(master, name)

async function runningAgent(name: string, env: Record<string, string> = {}) {
  const dataDir = await enlistAgent(master, name, env)
  const run = agentProcess(dataDir, ['run'], env)
  await run.waitFor(/polling master MSX1/)
  await eventually(
    () => target(name),
    (t) => t?.lastPolled != null,
  )
  return { dataDir, run }
}

async function instructions(name: string) {
  return (await listInstructions(master.db, { target: name })).rows
}

describe('jobs reach the agent', () => {
  it('INSERT, UPDATE and DELETE of a multiserver job change the agent’s local jobs', async () => {
    const { dataDir } = await runningAgent('JOBS1')
    const definition = {
      name: 'nightly-check',
      steps: [{ name: 'one', kind: 'cmdexec' as const, command: 'echo one' }],
    }
    await createJob(admin(), { ...definition, targets: { servers: ['JOBS1'], groups: [] } })
    await eventually(
      () => agentStatus(dataDir),
      (s) => s.jobs.some((j) => j.name === 'nightly-check' && j.version === 1),
    )
    await updateJob(admin(), 'nightly-check', { ...definition, description: 'changed' })
    await eventually(
      () => agentStatus(dataDir),
      (s) => s.jobs.some((j) => j.name === 'nightly-check' && j.version === 2),
    )
    await deleteJob(admin(), 'nightly-check')
    await eventually(
      () => agentStatus(dataDir),
      (s) => s.jobs.length === 0,
    )
    // the agent acknowledges after carrying out: the master shows all three downloaded once the ack is in
    const acknowledged = await eventually(
      () => instructions('JOBS1'),
      (list) => list.every((i) => i.status === 'downloaded'),
    )
    expect(acknowledged.map((i) => [i.operation, i.status])).toEqual([
      ['DELETE', 'downloaded'],
      ['UPDATE', 'downloaded'],
      ['INSERT', 'downloaded'],
    ])
  })
})

describe('server operations', () => {
  it('SET-POLL changes the agent’s polling interval, and the master shows it', async () => {
    const { dataDir } = await runningAgent('POLL1')
    expect((await master.msx('post', 'SET-POLL', '--value', '45', '--target', 'POLL1')).code).toBe(0)
    await eventually(
      () => agentStatus(dataDir),
      (s) => s.pollIntervalSeconds === 45,
    )
    await eventually(
      () => target('POLL1'),
      (t) => t?.pollIntervalSeconds === 45,
    )
  })

  it('refuses SET-POLL outside 10 to 28,800 seconds as bad usage', async () => {
    const result = await master.msx('post', 'SET-POLL', '--value', '5', '--all')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('The polling interval must be a whole number of seconds from 10 to 28,800')
  })

  it('SYNC-TIME: the master sees the skew; the agent adopts the master clock as an offset', async () => {
    const skew = 120_000
    const { dataDir } = await runningAgent('CLOCK1', { MSX_AGENT_CLOCK_SKEW_MS: String(skew) })
    const seen = await eventually(
      () => target('CLOCK1'),
      (t) => t?.clockSkewMs != null,
    )
    expect(Math.abs((seen?.clockSkewMs ?? 0) - skew)).toBeLessThan(5000)
    await master.msxOk('post', 'SYNC-TIME', '--target', 'CLOCK1')
    const status = await eventually(
      () => agentStatus(dataDir),
      (s) => s.clockOffsetMs !== 0,
    )
    expect(Math.abs(status.clockOffsetMs + skew)).toBeLessThan(5000)
  })

  it('RE-ENLIST: the target sends its enlistment information again', async () => {
    await runningAgent('AGAIN1')
    await master.db.targetServer.update({
      where: { nameKey: 'AGAIN1' },
      data: { location: 'somewhere else', agentVersion: '0.0.1' },
    })
    await master.msxOk('post', 'RE-ENLIST', '--target', 'AGAIN1')
    const row = await eventually(
      () => master.db.targetServer.findUnique({ where: { nameKey: 'AGAIN1' } }),
      (t) => t?.agentVersion === '0.1.0',
    )
    expect(row?.location).toBe('')
    expect(await master.db.auditEvent.count({ where: { action: 'target.reenlist', objectName: 'AGAIN1' } })).toBe(1)
  })

  it('an instruction that fails blocks the target’s downloads until it is deleted; a cleared one is retried', async () => {
    const { dataDir } = await runningAgent('BLOCK1')
    // a step naming a proxy, on a target that does not allow proxy matching: its INSERT fails
    await createJob(admin(), {
      name: 'blocker',
      steps: [{ name: 'one', kind: 'cmdexec', command: 'true', proxy: 'backup_operator' }],
      targets: { servers: ['BLOCK1'], groups: [] },
    })
    const failed = await eventually(
      () => instructions('BLOCK1'),
      (list) => list.some((i) => i.status === 'error'),
    )
    const insert = failed.find((i) => i.status === 'error')
    expect(insert?.errorMessage).toBe(
      'The job step requires a proxy account, however proxy matching is disabled on the target server.',
    )
    expect((await target('BLOCK1'))?.status).toBe('Blocked')
    const [header = '', , ...rows] = (await master.msxOk('instructions', '--target', 'BLOCK1')).stdout.split('\n')
    const row = rows.find((line) => line.startsWith(`${insert?.id} `)) ?? ''
    // the error in a column of its own, not in Downloaded's
    expect(row.slice(header.indexOf('Downloaded'), header.indexOf('Status')).trim()).toBe('')
    expect(row.slice(header.indexOf('Error'))).toBe(insert?.errorMessage)
    await master.msxOk('post', 'SET-POLL', '--value', '50', '--target', 'BLOCK1')
    await master.msxOk('clear-error', String(insert?.id))
    await eventually(
      () => instructions('BLOCK1'),
      (list) => list.some((i) => i.id === insert?.id && i.status === 'error'),
    )
    expect((await agentStatus(dataDir)).pollIntervalSeconds).toBe(60)
    await master.msxOk('delete-instruction', String(insert?.id))
    await eventually(
      () => agentStatus(dataDir),
      (s) => s.pollIntervalSeconds === 50,
    )
    expect((await target('BLOCK1'))?.status).toBe('Normal')
  })

  it('an instruction posted from another process reaches a long-polling agent at once, not at its next interval', async () => {
    const { dataDir, run } = await runningAgent('FAST1')
    await master.msxOk('post', 'SET-POLL', '--value', '600', '--target', 'FAST1')
    await eventually(
      () => agentStatus(dataDir),
      (s) => s.pollIntervalSeconds === 600,
    )
    await run.waitFor(/polling interval set to 600 s/)
    // the agent now holds each poll open for up to 600 s: only a wake-up can bring this within the timeout
    const posted = Date.now()
    await master.msxOk('post', 'SET-POLL', '--value', '590', '--target', 'FAST1')
    await run.waitFor(/polling interval set to 590 s/, 30_000)
    // carried out is not yet acknowledged: the acknowledgement follows the agent's log line
    const rows = await eventually(
      () => master.db.downloadInstruction.findMany({ where: { targetName: 'FAST1', value: '590' } }),
      (found) => found[0]?.dateDownloaded != null,
    )
    const latency = (rows[0]?.dateDownloaded?.getTime() ?? 0) - (rows[0]?.datePosted.getTime() ?? 0)
    console.info(
      `post-to-download latency with a 600 s long poll: ${latency} ms (${Date.now() - posted} ms including the msx process)`,
    )
    expect(rows[0]?.dateDownloaded).toBeInstanceOf(Date)
  })
})

describe('defection', () => {
  let run: Running

  it('graceful: DEFECT reaches the agent, which leaves; the master removes the target', async () => {
    const started = await runningAgent('BYE1')
    run = started.run
    await master.msxOk('defect', 'BYE1')
    const done = await run.exited
    expect(done.code).toBe(0)
    expect(done.stdout).toContain('BYE1 defected from master MSX1.')
    expect(await agentStatus(started.dataDir)).toMatchObject({ state: 'not enlisted' })
    expect(await target('BYE1')).toBeUndefined()
  })

  it('from the target: msx-agent defect tells the master, which removes it', async () => {
    const dataDir = await enlistAgent(master, 'BYE2')
    const result = await agent(dataDir, ['defect'])
    expect(result.stdout).toContain('BYE2 defected from master MSX1')
    expect(await target('BYE2')).toBeUndefined()
  })

  it('forced: the target is removed at once and its next request is refused', async () => {
    const started = await runningAgent('GONE1')
    expect((await master.msx('defect', 'GONE1', '--force')).stdout).toContain('Force-defected GONE1')
    const done = await started.run.exited
    expect(done.code).toBe(3)
    expect(done.stderr).toContain(
      'GONE1 is no longer enlisted: it was force-defected on the master. Run `msx-agent defect --force` on the target',
    )
    // the agent's own words say so afterwards, as the master answered
    const status = (await agent(started.dataDir, ['status'])).stdout
    expect(status).toMatch(
      /State:\s+refused by the master, which stopped msx-agent run at \S+: GONE1 is no longer enlisted/,
    )
    const left = (await agent(started.dataDir, ['defect', '--force'])).stdout
    expect(left).toContain('The master MSX1 no longer lists it, as it answered at')
    expect(left).not.toContain('still lists it')
  })
})
