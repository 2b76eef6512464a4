import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import type { OutcomeRecord } from '../protocol/agent-v1'
import { listJobHistory } from './job-history'
import { createJob, deleteJob } from './jobs'
import { recordOutcomes } from './outcomes'

const t = testDatabase()

async function jobOn(targetName: string) {
  const target = await enlist(t.ctx, targetName)
  const { job } = await createJob(t.ctx, {
    name: uniqueName('job'),
    steps: [
      { name: 'first', kind: 'cmdexec', command: 'true' },
      { name: 'second', kind: 'cmdexec', command: 'false' },
    ],
    targets: { servers: [targetName], groups: [] },
  })
  return { target: { id: target.id, name: target.name }, job }
}

function run(job: { id: number; name: string }, runId: string, startedAt: string, jobStatus: 0 | 1 | 3) {
  const base = { runId, jobId: job.id, jobName: job.name, output: '', retriesAttempted: 0 }
  return [
    { ...base, idempotencyKey: `${runId}:1`, stepNumber: 1, stepName: 'first', runStatus: 1, message: 'ok' },
    { ...base, idempotencyKey: `${runId}:2`, stepNumber: 2, stepName: 'second', runStatus: 2, message: 'retry' },
    {
      ...base,
      idempotencyKey: `${runId}:3`,
      stepNumber: 2,
      stepName: 'second',
      runStatus: jobStatus,
      message: 'last attempt',
      retriesAttempted: 1,
      output: 'out',
    },
    {
      ...base,
      idempotencyKey: `${runId}:job`,
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus: jobStatus,
      message: `job ${jobStatus}`,
    },
  ].map((o, i) => ({
    ...o,
    startedAt: new Date(new Date(startedAt).getTime() + i * 10).toISOString(),
    durationMs: 5,
  })) as OutcomeRecord[]
}

describe('recording outcomes', () => {
  it('stores each outcome once and updates the job’s last outcome on the target', async () => {
    const { target, job } = await jobOn(uniqueName())
    const batch = run(job, 'run-a', '2026-01-01T10:00:00.000Z', 0)
    expect(await recordOutcomes(t.ctx.db, target, batch)).toEqual({ stored: 4, duplicates: 0 })
    expect(await recordOutcomes(t.ctx.db, target, batch)).toEqual({ stored: 0, duplicates: 4 })
    expect(await t.ctx.db.jobHistory.count({ where: { runId: 'run-a' } })).toBe(4)
    const server = await t.ctx.db.jobServer.findUniqueOrThrow({
      where: { jobId_targetId: { jobId: job.id, targetId: target.id } },
    })
    expect(server).toMatchObject({
      lastRunOutcome: 0,
      lastOutcomeMessage: 'job 0',
      lastRunAt: new Date('2026-01-01T10:00:00.030Z'),
      lastRunDurationMs: 5,
    })
  })

  it('ignores a key repeated inside one batch, and a late outcome never replaces a newer one', async () => {
    const { target, job } = await jobOn(uniqueName())
    const newer = run(job, 'run-new', '2026-02-02T10:00:00.000Z', 1)
    const older = run(job, 'run-old', '2026-02-01T10:00:00.000Z', 0)
    expect(await recordOutcomes(t.ctx.db, target, [...newer, newer[0] as OutcomeRecord])).toEqual({
      stored: 4,
      duplicates: 1,
    })
    await recordOutcomes(t.ctx.db, target, older)
    const server = await t.ctx.db.jobServer.findUniqueOrThrow({
      where: { jobId_targetId: { jobId: job.id, targetId: target.id } },
    })
    expect(server.lastRunOutcome).toBe(1)
    expect(server.lastOutcomeMessage).toBe('job 1')
  })

  it('keeps the history of a job deleted on the master since it ran, by its name', async () => {
    const { target, job } = await jobOn(uniqueName())
    await deleteJob(t.ctx, job.name)
    await recordOutcomes(t.ctx.db, target, run(job, 'run-gone', '2026-03-01T10:00:00.000Z', 3))
    const rows = await t.ctx.db.jobHistory.findMany({ where: { runId: 'run-gone' } })
    expect(rows.map((r) => [r.jobId, r.jobName, r.targetName])).toEqual(rows.map(() => [null, job.name, target.name]))
    const [only] = await listJobHistory(t.ctx.db, { job: job.name })
    expect(only?.outcome).toBe('Canceled')
  })
})

describe('job history', () => {
  it('lists runs newest first with their steps, on all targets or one', async () => {
    const { target, job } = await jobOn(uniqueName())
    const other = await enlist(t.ctx, uniqueName())
    await recordOutcomes(t.ctx.db, target, run(job, 'h-1', '2026-04-01T10:00:00.000Z', 0))
    await recordOutcomes(t.ctx.db, target, run(job, 'h-2', '2026-04-02T10:00:00.000Z', 1))
    await recordOutcomes(t.ctx.db, other, run(job, 'h-3', '2026-04-03T10:00:00.000Z', 1))
    const all = await listJobHistory(t.ctx.db, { job: job.name.toUpperCase() })
    expect(all.map((r) => [r.runId, r.targetName, r.outcome])).toEqual([
      ['h-3', other.name, 'Succeeded'],
      ['h-2', target.name, 'Succeeded'],
      ['h-1', target.name, 'Failed'],
    ])
    expect(all[2]?.steps.map((s) => [s.stepNumber, s.outcome, s.retriesAttempted, s.output])).toEqual([
      [1, 'Succeeded', 0, ''],
      [2, 'Retry', 0, ''],
      [2, 'Failed', 1, 'out'],
    ])
    const one = await listJobHistory(t.ctx.db, { job: job.name, target: target.name, limit: 1 })
    expect(one.map((r) => r.runId)).toEqual(['h-2'])
  })

  it('refuses a job it has never heard of', async () => {
    await expect(listJobHistory(t.ctx.db, { job: 'no-such-job' })).rejects.toThrow(
      'There is no multiserver job named "no-such-job", nor history of one.',
    )
  })
})
