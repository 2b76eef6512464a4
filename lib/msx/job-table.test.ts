import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { acknowledgeInstructions } from './acknowledgements'
import { deleteInstructions } from './instructions'
import { actOnJobs, planJobFanOut } from './job-actions'
import { listJobRows } from './job-table'
import { createJob } from './jobs'
import { nextRunOf } from './next-run'
import { recordOutcomes } from './outcomes'

const t = testDatabase()

const step = { name: 'work', kind: 'cmdexec' as const, command: 'echo done' }

async function outcome(jobName: string, target: string, runStatus: 0 | 1, key: string) {
  const job = await t.ctx.db.job.findFirstOrThrow({ where: { name: jobName } })
  const row = await t.ctx.db.targetServer.findFirstOrThrow({ where: { name: target } })
  await recordOutcomes(t.ctx.db, row, [
    {
      idempotencyKey: key,
      runId: key,
      jobId: job.id,
      jobName,
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus,
      message: '',
      output: '',
      retriesAttempted: 0,
      startedAt: new Date().toISOString(),
      durationMs: 10,
    },
  ])
}

describe('the Jobs list', () => {
  it('counts each job’s outcomes on its targets, and filters, sorts and pages in one answer', async () => {
    for (const name of ['JT1', 'JT2', 'JT3']) await enlist(t.ctx, name)
    const servers = { servers: ['JT1', 'JT2', 'JT3'], groups: [] }
    await createJob(t.ctx, { name: 'alpha', category: 'Backups', steps: [step], targets: servers })
    await createJob(t.ctx, { name: 'beta', steps: [step], targets: { servers: ['JT1'], groups: [] } })
    await createJob(t.ctx, {
      name: 'gamma',
      enabled: false,
      steps: [step],
      schedules: [{ name: 'n', cron: '0 2 * * *' }],
    })
    await outcome('alpha', 'JT1', 1, 'a1')
    await outcome('alpha', 'JT2', 0, 'a2')

    const all = await listJobRows(t.ctx.db)
    expect(all.rows.map((r) => [r.name, r.targets, r.outcomes.succeeded, r.outcomes.failed, r.outcomes.never])).toEqual(
      [
        ['alpha', 3, 1, 1, 1],
        ['beta', 1, 0, 0, 1],
        ['gamma', 0, 0, 0, 0],
      ],
    )
    expect(all.categories).toEqual(['[Uncategorized (Multi-Server)]', 'Backups'].sort((a, b) => a.localeCompare(b)))
    expect((await listJobRows(t.ctx.db, { outcome: 'failed' })).rows.map((r) => r.name)).toEqual(['alpha'])
    expect((await listJobRows(t.ctx.db, { outcome: 'never' })).rows.map((r) => r.name)).toEqual(['beta', 'gamma'])
    expect((await listJobRows(t.ctx.db, { enabled: 'no' })).rows.map((r) => r.name)).toEqual(['gamma'])
    expect((await listJobRows(t.ctx.db, { category: 'backups' })).rows.map((r) => r.name)).toEqual(['alpha'])
    expect((await listJobRows(t.ctx.db, { sort: 'targets', dir: 'desc' })).rows.map((r) => r.name)).toEqual([
      'alpha',
      'beta',
      'gamma',
    ])
    expect((await listJobRows(t.ctx.db, { sort: 'lastOutcome' })).rows[0]?.name).toBe('alpha')
    const paged = await listJobRows(t.ctx.db, { pageSize: 2, page: 2 })
    expect([paged.total, paged.rows.map((r) => r.name)]).toEqual([3, ['gamma']])
  })

  it('gives each row its next run, and sorts by it across pages', async () => {
    const now = new Date('2026-12-02T10:00:00Z')
    const at = (iso: string) => [{ name: 'once', runAt: iso }]
    await createJob(t.ctx, { name: 'next-late', steps: [step], schedules: at('2026-12-05T00:00:00Z') })
    await createJob(t.ctx, { name: 'next-soon', steps: [step], schedules: at('2026-12-03T00:00:00Z') })
    await createJob(t.ctx, { name: 'next-none', steps: [step] })
    const search = { search: 'next-' }
    const byName = await listJobRows(t.ctx.db, search, now)
    expect(byName.rows.map((r) => [r.name, r.nextRunAt])).toEqual([
      ['next-late', '2026-12-05T00:00:00.000Z'],
      ['next-none', null],
      ['next-soon', '2026-12-03T00:00:00.000Z'],
    ])
    const second = await listJobRows(t.ctx.db, { ...search, sort: 'nextRun', pageSize: 1, page: 2 }, now)
    expect(second.rows.map((r) => [r.name, r.nextRunAt])).toEqual([['next-late', '2026-12-05T00:00:00.000Z']])
  })

  it('gives the next run of the enabled schedules of an enabled job only', () => {
    const now = new Date('2026-12-02T10:00:00')
    const schedules = [
      { enabled: true, cron: '0 2 * * *', runAt: null },
      { enabled: true, cron: null, runAt: new Date('2026-12-02T12:00:00') },
      { enabled: false, cron: '0 11 * * *', runAt: null },
    ]
    expect(nextRunOf({ enabled: true, schedules }, now)).toEqual(new Date('2026-12-02T12:00:00'))
    expect(nextRunOf({ enabled: false, schedules }, now)).toBeNull()
  })

  it('Re-post posts UPDATE to the targets holding an older version with nothing of it waiting', async () => {
    await createJob(t.ctx, { name: 'delta', steps: [step], targets: { servers: ['JT1', 'JT2'], groups: [] } })
    const job = await t.ctx.db.job.findFirstOrThrow({ where: { name: 'delta' } })
    const jt1 = await t.ctx.db.targetServer.findFirstOrThrow({ where: { name: 'JT1' } })
    const inserts = await t.ctx.db.downloadInstruction.findMany({ where: { objectId: job.id, objectType: 'JOB' } })
    const toJt1 = inserts.filter((i) => i.targetId === jt1.id)
    await acknowledgeInstructions(
      t.ctx.db,
      jt1.id,
      toJt1.map((i) => ({ id: i.id, ok: true })),
    )
    await actOnJobs(t.ctx, 'disable', ['delta'])
    // JT1 holds version 1 and its UPDATE to version 2 is deleted; JT2 still has its INSERT waiting
    const update = await t.ctx.db.downloadInstruction.findFirstOrThrow({
      where: { objectId: job.id, targetId: jt1.id, status: 0 },
    })
    await deleteInstructions(t.ctx, [update.id])
    expect((await planJobFanOut(t.ctx.db, ['delta']))[0]?.older).toBe(1)
    expect(await actOnJobs(t.ctx, 'repost', ['delta'])).toEqual([{ job: 'delta', posted: 1 }])
    expect(await actOnJobs(t.ctx, 'repost', ['delta'])).toEqual([{ job: 'delta', posted: 0 }])
    await actOnJobs(t.ctx, 'delete', ['delta'])
  })

  it('plans a fan-out, then Disable posts UPDATE to each target and Delete posts DELETE', async () => {
    expect(await planJobFanOut(t.ctx.db, ['alpha', 'beta'])).toEqual([
      { job: 'alpha', targets: 3, offline: 0, blocked: 0, older: 0 },
      { job: 'beta', targets: 1, offline: 0, blocked: 0, older: 0 },
    ])
    expect(await actOnJobs(t.ctx, 'disable', ['alpha'])).toEqual([{ job: 'alpha', posted: 3 }])
    expect((await t.ctx.db.job.findFirstOrThrow({ where: { name: 'alpha' } })).enabled).toBe(false)
    expect(await actOnJobs(t.ctx, 'disable', ['alpha'])).toEqual([{ job: 'alpha', posted: 0 }])
    expect(await actOnJobs(t.ctx, 'start', ['alpha', 'gamma'])).toEqual([
      { job: 'alpha', posted: 3 },
      { job: 'gamma', posted: 0 },
    ])
    await expect(actOnJobs(t.ctx, 'delete', ['beta', 'no-such-job'])).rejects.toThrow(
      'The jobs before it were done: beta.',
    )
    expect(await t.ctx.db.job.count({ where: { name: 'beta' } })).toBe(0)
  })
})
