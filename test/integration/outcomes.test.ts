// Outcomes across outages: spooled on the agent while the master is away, uploaded exactly once when it is back;
// a run interrupted by SIGKILL reported once at the next start; SIGTERM records the running job as canceled.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKOFF_CAP_MS as AGENT_BACKOFF_CAP_MS } from '../../agent/backoff'
import { createJob } from '../../lib/msx/jobs'
import { adminOf, alive, historyRows, jobServer, postJob, runningAgent, waitForRuns } from '../support/job-runs'
import { agentProcess, agentStatus, eventually, type Master, startMaster, stopAll, tempDir } from '../support/processes'

let master: Master
let work: string
/** above the master's stop, its restart and the agent's backoff together, on a loaded machine */
const OUTAGE_TEST_LIMIT_MS = 180_000

beforeAll(async () => {
  master = await startMaster()
  work = tempDir('msx-outcomes-work-')
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

async function heldJob(agentDir: string, target: string, name: string, commands: string[]) {
  await createJob(adminOf(master), {
    name,
    steps: commands.map((command, i) => ({ name: `step ${i + 1}`, kind: 'cmdexec' as const, command })),
    targets: { servers: [target], groups: [] },
  })
  await eventually(
    () => agentStatus(agentDir),
    (s) => s.jobs.some((j) => j.name === name),
  )
}

describe('outcomes while the master is away', () => {
  it(
    'stay spooled while the master is stopped and arrive exactly once after it restarts',
    async () => {
      const { dataDir } = await runningAgent(master, 'SPOOL1')
      const go = path.join(work, 'go')
      const jobs = ['outage-1', 'outage-2', 'outage-3']
      for (const job of jobs)
        await heldJob(dataDir, 'SPOOL1', job, [`while [ ! -e ${go} ]; do sleep 0.1; done; echo ${job} done`])
      for (const job of jobs) await postJob(master, 'START', job, ['SPOOL1'])
      await eventually(
        () => agentStatus(dataDir),
        (s) => s.running.length === 3,
      )
      await master.stop()
      fs.writeFileSync(go, '')
      const spooled = await eventually(
        () => agentStatus(dataDir),
        (s) => s.running.length === 0 && s.spoolDepth === 6,
      )
      expect(spooled.spoolOldestAt).not.toBeNull()
      await master.restart()
      // the agent retries with a backoff that grew while the master was away (full jitter, up to 60 s)
      await eventually(
        () => agentStatus(dataDir),
        (s) => s.spoolDepth === 0,
        AGENT_BACKOFF_CAP_MS + 30_000,
      )
      for (const job of jobs) {
        const rows = await historyRows(master, job)
        expect(rows.map((r) => [r.stepNumber, r.runStatus, r.output.trim()])).toEqual([
          [1, 1, `${job} done`],
          [0, 1, ''],
        ])
        expect(new Set(rows.map((r) => r.runId)).size).toBe(1)
        expect((await jobServer(master, job, 'SPOOL1'))?.lastRunOutcome).toBe(1)
      }
      // the master reports the spool the agent last told it about: empty again
      await eventually(
        () => master.db.targetServer.findUnique({ where: { nameKey: 'SPOOL1' } }),
        (t) => t?.spoolDepth === 0,
      )
    },
    OUTAGE_TEST_LIMIT_MS,
  )
})

describe('an agent that stops while a job runs', () => {
  it('killed with SIGKILL: the interrupted run is reported once at the next start, nothing duplicated', async () => {
    const { dataDir, run } = await runningAgent(master, 'KILL1')
    const pidFile = path.join(work, 'orphan.pid')
    await heldJob(dataDir, 'KILL1', 'interrupted', ['echo first', `echo $$ > ${pidFile}; exec sleep 120`])
    await postJob(master, 'START', 'interrupted', ['KILL1'])
    await eventually(
      () => agentStatus(dataDir),
      // the agent has recorded the step's process (which may write its pid file first)
      (s) => s.running.some((r) => r.stepNumber === 2 && r.pid !== null) && fs.existsSync(pidFile),
    )
    await run.stop('SIGKILL')
    const orphan = Number(fs.readFileSync(pidFile, 'utf8'))
    expect(alive(orphan)).toBe(true)
    const again = agentProcess(dataDir, ['run'])
    const [reported] = await waitForRuns(master, 'interrupted')
    expect(reported?.outcome).toBe('Failed')
    expect(reported?.message).toContain('interrupted: the agent stopped while the job ran (in step 2, step 2)')
    await eventually(
      () => agentStatus(dataDir),
      (s) => s.spoolDepth === 0 && s.running.length === 0,
    )
    const rows = await historyRows(master, 'interrupted')
    expect(rows.map((r) => [r.stepNumber, r.runStatus])).toEqual([
      [1, 1],
      [0, 0],
    ])
    expect((await jobServer(master, 'interrupted', 'KILL1'))?.lastRunOutcome).toBe(0)
    expect(alive(orphan)).toBe(false)
    await again.stop()
    expect(await historyRows(master, 'interrupted')).toHaveLength(2)
  })

  it('stopped with SIGTERM: it exits cleanly and the running job is recorded as canceled', async () => {
    const { dataDir, run } = await runningAgent(master, 'TERM1')
    await heldJob(dataDir, 'TERM1', 'cut-short', ['echo working; sleep 120'])
    await postJob(master, 'START', 'cut-short', ['TERM1'])
    await eventually(
      () => agentStatus(dataDir),
      (s) => s.running.length === 1,
    )
    const exit = await run.stop('SIGTERM')
    expect(exit.code).toBe(0)
    const [canceled] = await waitForRuns(master, 'cut-short')
    expect(canceled?.outcome).toBe('Canceled')
    expect(canceled?.message).toContain('The job was canceled: the agent stopped while the job ran.')
    expect(canceled?.steps.map((s) => [s.outcome, s.output.trim()])).toEqual([['Canceled', 'working']])
    expect(await agentStatus(dataDir)).toMatchObject({ spoolDepth: 0, running: [] })
  })
})
