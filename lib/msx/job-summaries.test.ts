import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { recountedSummaries, storedSummaries } from '../../test/support/job-summaries'
import { acknowledgeInstructions } from './acknowledgements'
import { refreshNextRuns } from './job-summaries'
import { createJob, updateJob } from './jobs'
import { recordOutcomes } from './outcomes'
import { applyRunProgress } from './run-progress'
import { defectTarget } from './targets'

const t = testDatabase()

const step = { name: 'work', kind: 'cmdexec' as const, command: 'echo done' }

const recounted = () => recountedSummaries(t.ctx.db)
const stored = () => storedSummaries(t.ctx.db)

async function target(name: string) {
  return t.ctx.db.targetServer.findFirstOrThrow({ where: { name } })
}

async function outcome(jobName: string, targetName: string, runStatus: 0 | 1, runId: string, startedAt: string) {
  const job = await t.ctx.db.job.findFirstOrThrow({ where: { name: jobName } })
  await recordOutcomes(t.ctx.db, await target(targetName), [
    {
      idempotencyKey: runId,
      runId,
      jobId: job.id,
      jobName,
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus,
      message: '',
      output: '',
      retriesAttempted: 0,
      startedAt,
      durationMs: 10,
    },
  ])
}

async function acknowledgeAll(targetName: string) {
  const row = await target(targetName)
  const waiting = await t.ctx.db.downloadInstruction.findMany({ where: { targetId: row.id, status: 0 } })
  await acknowledgeInstructions(
    t.ctx.db,
    row.id,
    waiting.map((i) => ({ id: i.id, ok: true })),
  )
}

describe('job summaries', () => {
  it('count each job’s targets as job_servers holds them, through every change a master makes', async () => {
    for (const name of ['JS1', 'JS2', 'JS3']) await enlist(t.ctx, name)
    const all = { servers: ['JS1', 'JS2', 'JS3'], groups: [] }
    await createJob(t.ctx, { name: 'sum-a', steps: [step], targets: all })
    await createJob(t.ctx, { name: 'sum-b', steps: [step], targets: { servers: ['JS1'], groups: [] } })
    await createJob(t.ctx, { name: 'sum-none', steps: [step] })
    expect(await stored()).toEqual(await recounted())

    await acknowledgeAll('JS1')
    await acknowledgeAll('JS2')
    await outcome('sum-a', 'JS1', 1, 'r1', '2026-12-01T10:00:00.000Z')
    await outcome('sum-a', 'JS2', 0, 'r2', '2026-12-01T10:05:00.000Z')
    await outcome('sum-b', 'JS1', 0, 'r3', '2026-12-01T09:00:00.000Z')
    const js3 = await target('JS3')
    const sumA = await t.ctx.db.job.findFirstOrThrow({ where: { name: 'sum-a' } })
    const running = {
      runId: 'r4',
      jobId: sumA.id,
      jobName: 'sum-a',
      startedAt: '2026-12-01T11:00:00.000Z',
      stepNumber: 1,
      stepName: 'work',
      stepStartedAt: '2026-12-01T11:00:00.000Z',
    }
    await t.ctx.db.$transaction((tx) => applyRunProgress(tx, js3.id, [running], new Date()))
    expect(await stored()).toEqual(await recounted())
    expect((await stored())[0]).toMatchObject({ name: 'sum-a', currentTargets: 2, failed: 1, succeeded: 1, running: 1 })

    // the run in progress ends; a new version is held by no one until it is acknowledged; a target leaves
    await outcome('sum-a', 'JS3', 1, 'r4', '2026-12-01T11:00:00.000Z')
    await updateJob(t.ctx, 'sum-a', { name: 'sum-a', description: 'changed', steps: [step], targets: all })
    expect((await stored())[0]).toMatchObject({ currentTargets: 0, running: 0, succeeded: 2 })
    await acknowledgeAll('JS1')
    await defectTarget(t.ctx, 'JS2', { force: true })
    await updateJob(t.ctx, 'sum-b', { name: 'sum-b', steps: [step], targets: { servers: ['JS3'], groups: [] } })
    expect(await stored()).toEqual(await recounted())

    // the last run is the newest anywhere, also on a target that has since left
    const summaryA = await t.ctx.db.jobSummary.findFirstOrThrow({ where: { job: { name: 'sum-a' } } })
    expect(summaryA.lastRunAt?.toISOString()).toBe('2026-12-01T11:00:00.000Z')
    const summaryB = await t.ctx.db.jobSummary.findFirstOrThrow({ where: { job: { name: 'sum-b' } } })
    expect([summaryB.targets, summaryB.lastRunAt?.toISOString()]).toEqual([1, '2026-12-01T09:00:00.000Z'])
  })

  it('work out a job’s next run when its schedules change and when it has passed', async () => {
    const now = new Date('2026-12-02T10:00:00Z')
    const once = (iso: string) => [{ name: 'once', runAt: iso }]
    await createJob(t.ctx, { name: 'next-a', steps: [step], schedules: once('2026-12-02T11:00:00Z') })
    const nextOf = async () =>
      (await t.ctx.db.jobSummary.findFirstOrThrow({ where: { job: { name: 'next-a' } } })).nextRunAt
    await refreshNextRuns(t.ctx.db, now)
    expect(await nextOf()).toEqual(new Date('2026-12-02T11:00:00Z'))
    expect(await refreshNextRuns(t.ctx.db, now)).toBe(0)

    await updateJob(t.ctx, 'next-a', {
      name: 'next-a',
      steps: [step],
      schedules: [{ name: 'hourly', cron: '30 * * * *' }],
    })
    await refreshNextRuns(t.ctx.db, now)
    const first = await nextOf()
    expect(first?.getUTCMinutes()).toBe(30)
    // once it has passed, the next one
    const later = new Date((first?.getTime() ?? 0) + 1000)
    await refreshNextRuns(t.ctx.db, later)
    expect(await nextOf()).toEqual(new Date((first?.getTime() ?? 0) + 60 * 60 * 1000))
  })
})
