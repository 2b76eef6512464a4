import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { failedTargetsOf, planStartAtStep, startFailedTargets, startJobAtStep } from './job-start'
import { createJob } from './jobs'
import { recordOutcomes } from './outcomes'
import { postOperation } from './post-operation'

const t = testDatabase()
const steps = ['prepare', 'copy', 'report'].map((name) => ({ name, kind: 'cmdexec' as const, command: `echo ${name}` }))

async function jobOn(count: number) {
  const targets = Array.from({ length: count }, () => uniqueName())
  for (const target of targets) await enlist(t.ctx, target)
  const name = uniqueName('job')
  const { job } = await createJob(t.ctx, { name, steps, targets: { servers: targets, groups: [] } })
  return { name, job, targets }
}

async function starts(jobId: number) {
  const rows = await t.ctx.db.downloadInstruction.findMany({
    where: { objectId: jobId, operation: 'START' },
    orderBy: { id: 'asc' },
  })
  return rows.map((r) => [r.targetName, r.value]).sort()
}

/** A run of the job on a target: steps 1.. with these outcomes (0 failed, 1 succeeded), then the job's outcome. */
async function run(jobId: number, jobName: string, target: string, outcomes: (0 | 1)[], key: string) {
  const row = await t.ctx.db.targetServer.findFirstOrThrow({ where: { name: target } })
  const base = { runId: key, jobId, jobName, output: '', retriesAttempted: 0, durationMs: 10, message: '' }
  const startedAt = new Date().toISOString()
  await recordOutcomes(t.ctx.db, row, [
    ...outcomes.map((runStatus, i) => ({
      ...base,
      idempotencyKey: `${key}:${i + 1}`,
      stepNumber: i + 1,
      stepName: steps[i]?.name ?? '',
      runStatus,
      startedAt,
    })),
    {
      ...base,
      idempotencyKey: `${key}:0`,
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus: outcomes.at(-1) ?? 0,
      startedAt,
    },
  ])
}

describe('Start at step', () => {
  it('posts START carrying the step to every target, or to the chosen ones only', async () => {
    const { name, job, targets } = await jobOn(3)
    const [a, b, c] = targets as [string, string, string]
    expect(await startJobAtStep(t.ctx, { name, step: 2 })).toMatchObject({ posted: 3, step: 2 })
    expect(await starts(job.id)).toEqual([a, b, c].sort().map((n) => [n, '2']))
    await t.ctx.db.downloadInstruction.deleteMany({ where: { objectId: job.id } })
    expect(await planStartAtStep(t.ctx.db, { name, step: 3, targets: [c] })).toEqual({
      targets: 1,
      offline: 0,
      blocked: 0,
    })
    await startJobAtStep(t.ctx, { name, step: 3, targets: [c] })
    // step 1 is what every agent does: nothing is carried
    await startJobAtStep(t.ctx, { name, step: 1, targets: [a] })
    expect(await starts(job.id)).toEqual(
      [
        [c, '3'],
        [a, null],
      ].sort(),
    )
  })

  it('refuses a step the job does not have, and a step on another operation, posting nothing', async () => {
    const { name, job } = await jobOn(1)
    await expect(startJobAtStep(t.ctx, { name, step: 4 })).rejects.toThrow(
      `Job "${name}" has steps 1 to 3: choose a step from 1 to 3 to start at.`,
    )
    await expect(startJobAtStep(t.ctx, { name, step: 0 })).rejects.toThrow(
      'Choose the step to start at: steps are numbered from 1.',
    )
    await expect(
      postOperation(t.ctx, { operation: 'STOP', job: name, step: 2, recipients: { all: true } }),
    ).rejects.toThrow('STOP takes no step: only START starts a job at a step.')
    expect(await starts(job.id)).toEqual([])
  })
})

describe('Start on failed targets', () => {
  it('posts START to the targets whose latest run failed only, each at its failed step or all at step 1', async () => {
    const { name, job, targets } = await jobOn(4)
    const [a, b, c, d] = targets as [string, string, string, string]
    await run(job.id, name, a, [1, 0], `${a}-1`)
    await run(job.id, name, b, [1, 1, 1], `${b}-1`)
    await run(job.id, name, c, [0], `${c}-1`)
    // d failed once, then succeeded: its latest run did not fail
    await run(job.id, name, d, [1, 1, 0], `${d}-1`)
    await run(job.id, name, d, [1, 1, 1], `${d}-2`)
    expect((await failedTargetsOf(t.ctx.db, name)).map((f) => [f.target, f.failedStep, f.failedStepName])).toEqual(
      [
        [a, 2, 'copy'],
        [c, 1, 'prepare'],
      ].sort(),
    )
    const fromFailed = await startFailedTargets(t.ctx, { name, from: 'failed-step' })
    expect(fromFailed.posted).toBe(2)
    expect(await starts(job.id)).toEqual(
      [
        [a, '2'],
        [c, null],
      ].sort(),
    )
    await t.ctx.db.downloadInstruction.deleteMany({ where: { objectId: job.id } })
    await startFailedTargets(t.ctx, { name, from: 'start' })
    expect(await starts(job.id)).toEqual(
      [
        [a, null],
        [c, null],
      ].sort(),
    )
    expect(
      await t.ctx.db.auditEvent.count({
        where: { action: 'instruction.post', details: { contains: 'failed target' } },
      }),
    ).toBeGreaterThanOrEqual(2)
  })

  it('with no failed target, says there is nothing to start', async () => {
    const { name, job, targets } = await jobOn(1)
    await run(job.id, name, targets[0] as string, [1], `${targets[0]}-ok`)
    await expect(startFailedTargets(t.ctx, { name, from: 'failed-step' })).rejects.toThrow(
      `No target server's latest run of job "${name}" failed: nothing to start.`,
    )
  })
})
