import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import type { OutcomeRecord, RunProgress } from '../protocol/agent-v1'
import { listJobRows } from './job-table'
import { createJob } from './jobs'
import { listRunningJobs } from './jobs-running'
import { recordOutcomes } from './outcomes'
import { stopRuns } from './stop-runs'

const t = testDatabase()
const at = (time: string, daysLater = 0) => new Date(`2030-01-0${1 + daysLater}T${time}Z`)

async function setup(job: string, targets: string[]) {
  for (const name of targets) await enlist(t.ctx, name)
  await createJob(t.ctx, {
    name: job,
    steps: [
      { name: 'dump', kind: 'cmdexec', command: 'echo' },
      { name: 'copy', kind: 'cmdexec', command: 'echo' },
    ],
    targets: { servers: targets, groups: [] },
  })
  const { id } = await t.ctx.db.job.findFirstOrThrow({ where: { name: job } })
  const rows = await Promise.all(
    targets.map((name) =>
      t.ctx.db.targetServer.findFirstOrThrow({ where: { name }, select: { id: true, name: true } }),
    ),
  )
  return { jobId: id, targets: rows }
}

const progress = (jobId: number, job: string, runId: string, step: number | null, stepAt?: string): RunProgress => ({
  runId,
  jobId,
  jobName: job,
  startedAt: at('02:00:00').toISOString(),
  stepNumber: step,
  stepName: step === null ? null : (['dump', 'copy'][step - 1] ?? null),
  stepStartedAt: stepAt ? at(stepAt).toISOString() : null,
})

const outcome = (
  jobId: number,
  job: string,
  runId: string,
  stepNumber: number,
  startedAt: string,
  durationMs: number,
): OutcomeRecord => ({
  idempotencyKey: `${runId}:${stepNumber}`,
  runId,
  jobId,
  jobName: job,
  stepNumber,
  stepName: stepNumber === 0 ? '(Job outcome)' : 'dump',
  runStatus: 1,
  message: '',
  output: '',
  startedAt: at(startedAt).toISOString(),
  durationMs,
  retriesAttempted: 0,
})

describe('Running now', () => {
  it('shows a reported run on its current step before any step ends, and clears it when its job outcome arrives', async () => {
    const { jobId, targets } = await setup('backup', ['RUN1', 'RUN2'])
    const [one, two] = targets as [{ id: number; name: string }, { id: number; name: string }]
    await recordOutcomes(t.ctx.db, one, [], at('02:00:00'), [progress(jobId, 'backup', 'r1', null)])
    let list = await listRunningJobs(t.ctx.db, {}, at('02:00:05'))
    expect(list.rows).toEqual([
      expect.objectContaining({ job: 'backup', target: 'RUN1', runId: 'r1', step: null, elapsedMs: 5000 }),
    ])

    await recordOutcomes(t.ctx.db, one, [], at('02:00:01'), [progress(jobId, 'backup', 'r1', 1, '02:00:01')])
    await recordOutcomes(t.ctx.db, two, [], at('02:00:01'), [progress(jobId, 'backup', 'r2', 2, '02:00:01')])
    list = await listRunningJobs(t.ctx.db, {}, at('02:01:00'))
    expect(list.total).toBe(2)
    expect(list.rows.map((r) => [r.target, r.step, r.afterStep, r.reportedAt])).toEqual([
      [
        'RUN1',
        { number: 1, name: 'dump', startedAt: at('02:00:01').toISOString() },
        null,
        at('02:00:01').toISOString(),
      ],
      [
        'RUN2',
        { number: 2, name: 'copy', startedAt: at('02:00:01').toISOString() },
        null,
        at('02:00:01').toISOString(),
      ],
    ])
    expect(await listRunningJobs(t.ctx.db, { target: 'run2' }, at('02:01:00'))).toMatchObject({
      total: 1,
      rows: [{ target: 'RUN2' }],
    })
    expect((await listRunningJobs(t.ctx.db, { job: 'nothing' }, at('02:01:00'))).total).toBe(0)
    // the Jobs list counts them as running
    expect((await listJobRows(t.ctx.db, { search: 'backup' })).rows[0]?.outcomes).toMatchObject({
      running: 2,
      never: 0,
    })
    expect(await listRunningJobs(t.ctx.db, { page: 2, pageSize: 1 }, at('02:01:00'))).toMatchObject({
      total: 2,
      rows: [{ target: 'RUN2' }],
    })

    // the run's step and job outcomes arrive, in an upload whose report (taken before them) still holds the run
    await recordOutcomes(
      t.ctx.db,
      one,
      [outcome(jobId, 'backup', 'r1', 1, '02:00:01', 1000), outcome(jobId, 'backup', 'r1', 0, '02:00:00', 2000)],
      at('02:01:01'),
      [progress(jobId, 'backup', 'r1', 1, '02:00:01')],
    )
    // a target that reports no run any more is cleared too
    await recordOutcomes(t.ctx.db, two, [], at('02:01:01'), [])
    expect((await listRunningJobs(t.ctx.db, {}, at('02:01:02'))).rows).toEqual([])
    expect((await listJobRows(t.ctx.db, { search: 'backup' })).rows[0]?.outcomes).toMatchObject({
      running: 0,
      succeeded: 1,
      never: 1,
    })
    expect(
      await t.ctx.db.jobServer.findMany({
        where: { jobId },
        select: { currentRunId: true, currentStepNumber: true, currentStepName: true, currentRunStartedAt: true },
      }),
    ).toEqual([
      { currentRunId: null, currentStepNumber: null, currentStepName: null, currentRunStartedAt: null },
      { currentRunId: null, currentStepNumber: null, currentStepName: null, currentRunStartedAt: null },
    ])
    // progress is not history: only the two outcomes were stored
    expect(await t.ctx.db.jobHistory.count({ where: { jobId } })).toBe(2)
  })

  it('infers the runs of targets that do not report progress, and flags a run over twice its usual duration', async () => {
    const { jobId, targets } = await setup('vacuum', ['OLD1'])
    const [old] = targets as [{ id: number; name: string }]
    for (const [i, ms] of [1000, 1000, 1000].entries()) {
      await recordOutcomes(t.ctx.db, old, [outcome(jobId, 'vacuum', `done-${i}`, 0, '01:00:00', ms)], at('01:00:05'))
    }
    // an old agent: the first step's outcome, no progress and no job outcome yet
    await recordOutcomes(t.ctx.db, old, [outcome(jobId, 'vacuum', 'open', 1, '02:00:00', 500)], at('02:00:01'))
    const list = await listRunningJobs(t.ctx.db, { job: 'VAC' }, at('02:00:01'))
    expect(list.rows).toEqual([
      expect.objectContaining({
        job: 'vacuum',
        target: 'OLD1',
        runId: 'open',
        step: null,
        afterStep: { number: 1, name: 'dump', outcome: 'Succeeded' },
        usualMs: 1000,
        longerThanUsual: false,
      }),
    ])
    const later = await listRunningJobs(t.ctx.db, { job: 'vacuum', longer: 'yes' }, at('02:00:03'))
    expect(later.rows).toEqual([expect.objectContaining({ runId: 'open', elapsedMs: 3000, longerThanUsual: true })])
    // the Jobs list counts it as running too
    expect((await listJobRows(t.ctx.db, { search: 'vacuum' })).rows[0]?.outcomes.running).toBe(1)
    // a run left without its job outcome for a day (its target went away) is no longer listed
    expect((await listRunningJobs(t.ctx.db, { job: 'vacuum' }, at('02:00:03', 1))).total).toBe(0)
    // its job outcome ends it; a step of it sent late, from the spool, does not start it again
    await recordOutcomes(t.ctx.db, old, [outcome(jobId, 'vacuum', 'open', 0, '02:00:00', 1500)], at('02:00:02'))
    expect((await listRunningJobs(t.ctx.db, { job: 'vacuum' }, at('02:00:03'))).total).toBe(0)
    await recordOutcomes(t.ctx.db, old, [outcome(jobId, 'vacuum', 'open', 2, '02:00:01', 500)], at('02:00:03'))
    expect((await listRunningJobs(t.ctx.db, { job: 'vacuum' }, at('02:00:04'))).total).toBe(0)
    // the next run is seen from its first step, and moves on with the next
    await recordOutcomes(t.ctx.db, old, [outcome(jobId, 'vacuum', 'next', 1, '03:00:00', 500)], at('03:00:01'))
    await recordOutcomes(t.ctx.db, old, [outcome(jobId, 'vacuum', 'next', 2, '03:00:01', 500)], at('03:00:02'))
    expect((await listRunningJobs(t.ctx.db, { job: 'vacuum' }, at('03:00:03'))).rows).toEqual([
      expect.objectContaining({
        runId: 'next',
        startedAt: at('03:00:00').toISOString(),
        afterStep: expect.objectContaining({ number: 2 }),
      }),
    ])
    // once the target reports progress for the job, what it reports is what is shown
    await recordOutcomes(t.ctx.db, old, [], at('02:00:04'), [])
    expect((await listRunningJobs(t.ctx.db, { job: 'vacuum' }, at('02:00:05'))).total).toBe(0)
  })

  it('Stop posts STOP of each chosen run’s job to the targets running it, and to no other', async () => {
    await setup('reindex', ['STOP1', 'STOP2', 'STOP3'])
    const stopped = await stopRuns(t.ctx, [
      { job: 'REINDEX', target: 'stop1' },
      { job: 'reindex', target: 'STOP3' },
      { job: 'reindex', target: 'STOP3' },
    ])
    expect(stopped).toEqual([{ job: 'reindex', targets: ['STOP1', 'STOP3'] }])
    const posted = await t.ctx.db.downloadInstruction.findMany({
      where: { operation: 'STOP', objectName: 'reindex' },
      select: { target: { select: { name: true } } },
      orderBy: { id: 'asc' },
    })
    expect(posted.map((p) => p.target?.name)).toEqual(['STOP1', 'STOP3'])
    await expect(stopRuns(t.ctx, [{ job: 'no-such-job', target: 'STOP1' }])).rejects.toThrow(/no-such-job/)
  })
})
