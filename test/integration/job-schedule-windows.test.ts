// When schedules fire on a real agent: not after a schedule's endsAt, not while the job's schedules are paused
// (a manual start still runs); a START at step N running the job from that step; and one run of a job per target at
// a time, when START arrives during a scheduled run and across a restart of the agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pauseJobSchedules } from '../../lib/msx/job-pause'
import { startJobAtStep } from '../../lib/msx/job-start'
import { applyJobToTargets, createJob } from '../../lib/msx/jobs'
import { adminOf, historyRows, jobServer, postJob, runningAgent, waitForRuns } from '../support/job-runs'
import {
  agentProcess,
  agentStatus,
  eventually,
  type Master,
  type Running,
  startMaster,
  stopAll,
} from '../support/processes'

let master: Master
let agentDir: string
let agentRun: Running

beforeAll(async () => {
  master = await startMaster()
  ;({ dataDir: agentDir, run: agentRun } = await runningAgent(master, 'WIN1'))
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

type JobInput = Parameters<typeof createJob>[1]
const step = (name: string) => ({ name, kind: 'cmdexec' as const, command: `echo ${name}` })

async function jobOnWin1(job: Omit<JobInput, 'targets'>) {
  await createJob(adminOf(master), { ...job, targets: { servers: ['WIN1'], groups: [] } })
  await eventually(
    () => agentStatus(agentDir),
    (s) => s.jobs.some((j) => j.name === job.name),
  )
}

/** A job firing every second from now on: once it has run twice, every schedule held before it had its chance. */
async function twoScheduledRunsLater(name: string) {
  const since = Date.now()
  await jobOnWin1({ name, steps: [step('tick')], schedules: [{ name: 'every-second', cron: '* * * * * *' }] })
  await eventually(
    () => waitForRuns(master, name, 2),
    (runs) => runs.filter((r) => new Date(r.startedAt).getTime() > since + 1000).length >= 2,
  )
}

describe('schedule start and end dates', () => {
  it('a schedule whose endsAt has passed does not fire', async () => {
    const endedAt = new Date(Date.now() - 60 * 60_000).toISOString()
    await jobOnWin1({
      name: 'ended',
      steps: [step('late')],
      schedules: [{ name: 'every-second', cron: '* * * * * *', endsAt: endedAt }],
    })
    await twoScheduledRunsLater('ticker-ended')
    expect(await historyRows(master, 'ended')).toHaveLength(0)
  })
})

describe('Pause schedules until', () => {
  it('a paused job’s schedule does not fire on the target, while a manual start runs it', async () => {
    const ctx = adminOf(master)
    await createJob(ctx, {
      name: 'paused',
      steps: [step('work')],
      schedules: [{ name: 'every-second', cron: '* * * * * *' }],
    })
    await pauseJobSchedules(ctx, 'paused', new Date(Date.now() + 60 * 60_000).toISOString())
    // the INSERT carries the pause: the target never holds the job unpaused
    await applyJobToTargets(ctx, 'paused', { servers: ['WIN1'] })
    await eventually(
      () => agentStatus(agentDir),
      (s) => s.jobs.some((j) => j.name === 'paused'),
    )
    await postJob(master, 'START', 'paused', ['WIN1'])
    const [manual] = await waitForRuns(master, 'paused')
    expect(manual?.message).toContain('invoked by START from the master')
    await twoScheduledRunsLater('ticker-paused')
    const runs = await waitForRuns(master, 'paused')
    expect(runs.map((r) => r.message.includes('invoked by START from the master'))).toEqual([true])
  })
})

describe('Start at step', () => {
  it('a START at step 2 runs only the steps from 2 on', async () => {
    await jobOnWin1({ name: 'from-two', steps: [step('first'), step('second'), step('third')] })
    await startJobAtStep(adminOf(master), { name: 'from-two', step: 2 })
    const [run] = await waitForRuns(master, 'from-two')
    expect(run?.outcome).toBe('Succeeded')
    expect(run?.message).toContain('invoked by START from the master, at step 2')
    expect(run?.steps.map((s) => [s.stepNumber, s.stepName, s.output.trim()])).toEqual([
      [2, 'second', 'second'],
      [3, 'third', 'third'],
    ])
  })
})

describe('One run per target at a time', () => {
  it('holds when START arrives during a scheduled run, and across a restart of the agent', async () => {
    const name = 'one-at-a-time'
    await jobOnWin1({
      name,
      steps: [{ name: 'long', kind: 'cmdexec', command: 'sleep 30' }],
      schedules: [{ name: 'every-second', cron: '* * * * * *' }],
    })
    const inProgress = (other?: string | null) =>
      eventually(
        () => jobServer(master, name, 'WIN1'),
        (held) => held?.currentRunId != null && held.currentRunId !== other,
      )
    const first = await inProgress()

    await postJob(master, 'START', name, ['WIN1'])
    await agentRun.waitFor(new RegExp(`START of ${name}: the job is already running`))

    // a restart cancels the run in progress; the schedule then starts the next one, never two at once
    await agentRun.stop()
    agentRun = agentProcess(agentDir, ['run'])
    await agentRun.waitFor(/polling master/)
    const second = await inProgress(first?.currentRunId)

    // paused, so that no scheduled run follows the one STOP ends
    await pauseJobSchedules(adminOf(master), name, new Date(Date.now() + 60 * 60_000).toISOString())
    await eventually(
      () => master.db.downloadInstruction.findFirst({ where: { objectName: name, operation: 'UPDATE' } }),
      (update) => update?.status === 1,
    )
    await postJob(master, 'STOP', name, ['WIN1'])

    const runs = (await waitForRuns(master, name, 2)).reverse()
    expect(runs.map((r) => [r.runId, r.outcome])).toEqual([
      [first?.currentRunId, 'Canceled'],
      [second?.currentRunId, 'Canceled'],
    ])
    const [canceledByRestart, stopped] = runs
    if (!canceledByRestart || !stopped) throw new Error('two runs expected')
    const restartEnded = new Date(canceledByRestart.startedAt).getTime() + canceledByRestart.durationMs
    expect(new Date(stopped.startedAt).getTime()).toBeGreaterThanOrEqual(restartEnded)
    expect(runs.map((r) => r.message.includes('invoked by START from the master'))).toEqual([false, false])
  })
})
