// When schedules fire on a real agent: not after a schedule's endsAt, not while the job's schedules are paused
// (a manual start still runs); and a START at step N running the job from that step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pauseJobSchedules } from '../../lib/msx/job-pause'
import { startJobAtStep } from '../../lib/msx/job-start'
import { applyJobToTargets, createJob } from '../../lib/msx/jobs'
import { adminOf, historyRows, postJob, runningAgent, waitForRuns } from '../support/job-runs'
import { agentStatus, eventually, type Master, startMaster, stopAll } from '../support/processes'

let master: Master
let agentDir: string

beforeAll(async () => {
  master = await startMaster()
  agentDir = (await runningAgent(master, 'WIN1')).dataDir
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
