// A missed run on a real agent: the target is stopped over its schedule's due time, and the master lists the run
// as missed because the target was offline, on the job's page data and with msx job missed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listJobRows } from '../../lib/msx/job-table'
import { createJob } from '../../lib/msx/jobs'
import { listMissedRuns } from '../../lib/msx/missed-run-list'
import { checkMissedRuns } from '../../lib/msx/missed-runs'
import { adminOf, runningAgent } from '../support/job-runs'
import { agentStatus, eventually, type Master, startMaster, stopAll } from '../support/processes'

let master: Master
let agent: Awaited<ReturnType<typeof runningAgent>>

beforeAll(async () => {
  master = await startMaster()
  agent = await runningAgent(master, 'WIN1')
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

describe('missed runs', () => {
  it('lists the run of a target that was stopped at its scheduled time, with the reason: offline', async () => {
    const due = new Date(Date.now() + 20_000)
    await createJob(adminOf(master), {
      name: 'missed-while-stopped',
      steps: [{ name: 'work', kind: 'cmdexec', command: 'echo work' }],
      schedules: [{ name: 'once', runAt: due.toISOString() }],
      targets: { servers: ['WIN1'], groups: [] },
    })
    await eventually(
      () => agentStatus(agent.dataDir),
      (s) => s.jobs.some((j) => j.name === 'missed-while-stopped'),
    )
    await agent.run.stop()
    expect(Date.now()).toBeLessThan(due.getTime())
    await eventually(
      async () => Date.now(),
      (now) => now > due.getTime() + 1000,
      30_000,
    )
    // as the master's worker does once the target's poll interval and a minute have passed
    const later = new Date(due.getTime() + 5 * 60_000)
    await checkMissedRuns(master.db, { now: later })

    const list = await listMissedRuns(master.db, { job: 'missed-while-stopped' }, later)
    expect(list.rows).toEqual([expect.objectContaining({ schedule: 'once', target: 'WIN1', reason: 'offline' })])
    expect(list.rows[0]?.dueAt).toBe(due.toISOString())
    const jobs = await listJobRows(master.db, { search: 'missed-while-stopped' }, later)
    expect(jobs.rows[0]?.missed).toBe(1)

    const cli = await master.msxOk('job', 'missed', 'missed-while-stopped', '--window', 'all')
    expect(cli.stdout).toContain('Target offline')
    expect(cli.stdout).toContain('Not run: the target server was not polling')
    const json = JSON.parse(
      (await master.msxOk('job', 'missed', 'missed-while-stopped', '--window', 'all', '--json')).stdout,
    )
    expect(json).toEqual([expect.objectContaining({ target: 'WIN1', reason: 'offline', schedule: 'once' })])
  })
})
