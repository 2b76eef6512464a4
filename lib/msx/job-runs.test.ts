import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { secretVault } from '../notify/secrets'
import { addGroupMembers, createGroup } from './groups'
import { COUNTED_AHEAD, jobRunGrid, listJobRuns } from './job-runs'
import { createJob } from './jobs'
import { setOperator } from './operator'
import { recordOutcomes } from './outcomes'
import { OUTPUT_PREVIEW_CHARS, readStepOutput } from './step-output'

const t = testDatabase()
const vault = secretVault(fs.mkdtempSync(path.join(os.tmpdir(), 'msx-runs-vault-')))
const HOUR = 3_600_000
const now = new Date('2026-12-02T12:00:00Z')

async function run(target: string, n: number, runStatus: 0 | 1, durationMs: number, hoursAgo: number) {
  const job = await t.ctx.db.job.findFirstOrThrow({ where: { name: 'nightly' } })
  const row = await t.ctx.db.targetServer.findFirstOrThrow({ where: { name: target } })
  const key = `${target}-${n}`
  await recordOutcomes(t.ctx.db, row, [
    {
      idempotencyKey: `${key}:0`,
      runId: key,
      jobId: job.id,
      jobName: 'nightly',
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus,
      message: runStatus ? 'The job succeeded.' : 'The job failed.',
      output: '',
      retriesAttempted: 0,
      startedAt: new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
      durationMs,
    },
    {
      idempotencyKey: `${key}:1`,
      runId: key,
      jobId: job.id,
      jobName: 'nightly',
      stepNumber: 1,
      stepName: 'work',
      runStatus,
      message: '',
      output: `output ${n}`,
      retriesAttempted: 0,
      startedAt: new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
      durationMs,
    },
  ])
}

describe("a job's History", () => {
  it('lists runs in a window, filtered and paged, each against its target’s usual duration', async () => {
    for (const name of ['HR1', 'HR2', 'HR3']) await enlist(t.ctx, name)
    await createJob(t.ctx, {
      name: 'nightly',
      steps: [{ name: 'work', kind: 'cmdexec', command: 'echo' }],
      targets: { servers: ['HR1', 'HR2', 'HR3'], groups: [] },
    })
    // HR1's runs take 10 s, but its newest took 35 s: longer than twice its usual (p95) duration
    for (let n = 1; n <= 20; n++) await run('HR1', n, 1, 10_000, 30 - n)
    await run('HR1', 21, 0, 35_000, 1)
    await run('HR2', 1, 1, 5_000, 24 * 10) // outside the default 7-day window

    const list = await listJobRuns(t.ctx.db, 'nightly', {}, now)
    expect(list.total).toBe(21)
    const [newest] = list.rows
    expect(newest).toMatchObject({ targetName: 'HR1', outcome: 'Failed', durationMs: 35_000, longerThanUsual: true })
    expect(newest?.steps.map((s) => s.output)).toEqual(['output 21'])
    expect(list.rows.filter((r) => r.longerThanUsual)).toHaveLength(1)

    expect((await listJobRuns(t.ctx.db, 'nightly', { outcome: 'failed' }, now)).total).toBe(1)
    expect((await listJobRuns(t.ctx.db, 'nightly', { target: 'hr2' }, now)).total).toBe(0)
    const older = await listJobRuns(t.ctx.db, 'nightly', { target: 'HR2', from: '2026-11-01T00:00:00Z' }, now)
    expect(older.rows.map((r) => r.targetName)).toEqual(['HR2'])
    const page2 = await listJobRuns(t.ctx.db, 'nightly', { pageSize: 20, page: 2 }, now)
    expect(page2.rows).toHaveLength(1)

    // by group: the groups its targets are in are offered, and one shows its members' runs only
    await createGroup(t.ctx, 'HR-odd')
    await addGroupMembers(t.ctx, 'HR-odd', ['HR1', 'HR3'])
    await createGroup(t.ctx, 'HR-other')
    const grouped = await listJobRuns(t.ctx.db, 'nightly', { group: 'hr-odd' }, now)
    expect([grouped.total, grouped.groups]).toEqual([21, ['HR-odd']])
    expect((await listJobRuns(t.ctx.db, 'nightly', { group: 'HR-other' }, now)).total).toBe(0)
  })

  it('carries the tail of a long step output, the whole text read by the step’s id', async () => {
    const long = `${'a'.repeat(OUTPUT_PREVIEW_CHARS)}the end`
    const job = await t.ctx.db.job.findFirstOrThrow({ where: { name: 'nightly' } })
    // a target of its own, as the grid below counts the job's targets' runs
    const row = await enlist(t.ctx, 'HR-LONG')
    const step = { runId: 'long', jobId: job.id, jobName: 'nightly', retriesAttempted: 0, durationMs: 5 }
    const startedAt = new Date(now.getTime() - HOUR).toISOString()
    await recordOutcomes(t.ctx.db, row, [
      {
        ...step,
        idempotencyKey: 'long:1',
        stepNumber: 1,
        stepName: 'work',
        runStatus: 1,
        message: '',
        output: long,
        startedAt,
      },
      {
        ...step,
        idempotencyKey: 'long:0',
        stepNumber: 0,
        stepName: '(job outcome)',
        runStatus: 1,
        message: '',
        output: '',
        startedAt,
      },
    ])
    const [run] = (await listJobRuns(t.ctx.db, 'nightly', { target: 'HR-LONG' }, now)).rows
    const [shown] = run?.steps ?? []
    expect(shown).toMatchObject({ outputChars: long.length, outputTruncated: true })
    expect(shown?.output).toBe(long.slice(-OUTPUT_PREVIEW_CHARS))
    expect((await readStepOutput(t.ctx.db, shown?.id ?? 0)).output).toBe(long)
    const outcomeRow = await t.ctx.db.jobHistory.findFirstOrThrow({ where: { runId: 'long', stepNumber: 0 } })
    await expect(readStepOutput(t.ctx.db, outcomeRow.id)).rejects.toThrow(
      /There is no step output \d+ in the job history/,
    )
  })

  it('counts the runs only so far past the page on a job with very many, and says the total is more', async () => {
    const { job } = await createJob(t.ctx, {
      name: 'many-runs',
      steps: [{ name: 'work', kind: 'cmdexec', command: 'echo' }],
    })
    const runs = COUNTED_AHEAD + 100
    await t.ctx.db.jobHistory.createMany({
      data: Array.from({ length: runs }, (_, i) => ({
        idempotencyKey: `many:${i}`,
        jobId: job.id,
        jobName: job.name,
        targetName: 'HR1',
        runId: `many-${i}`,
        stepNumber: 0,
        stepName: '(job outcome)',
        runStatus: 1,
        startedAt: new Date(now.getTime() - (i + 1) * 60_000),
        durationMs: 1000,
      })),
    })
    const first = await listJobRuns(t.ctx.db, 'many-runs', {}, now)
    expect([first.total, first.totalIsAtLeast, first.rows.length]).toEqual([COUNTED_AHEAD + 25, true, 25])
    const near = await listJobRuns(t.ctx.db, 'many-runs', { page: 10, pageSize: 100 }, now)
    expect([near.total, near.totalIsAtLeast]).toEqual([runs, false])
  })

  it('shows what became of a run’s notifications to the MSXOperator', async () => {
    await setOperator(t.ctx, { email: 'dba@example.com' }, vault)
    await createJob(t.ctx, {
      name: 'noisy',
      notify: { email: 'failure' },
      steps: [{ name: 'work', kind: 'cmdexec', command: 'echo' }],
      targets: { servers: ['HR3'], groups: [] },
    })
    const job = await t.ctx.db.job.findFirstOrThrow({ where: { name: 'noisy' } })
    const target = await t.ctx.db.targetServer.findFirstOrThrow({ where: { name: 'HR3' } })
    await recordOutcomes(t.ctx.db, target, [
      {
        idempotencyKey: 'noisy-1:0',
        runId: 'noisy-1',
        jobId: job.id,
        jobName: 'noisy',
        stepNumber: 0,
        stepName: '(job outcome)',
        runStatus: 0,
        message: 'The job failed.',
        output: '',
        retriesAttempted: 0,
        startedAt: new Date(now.getTime() - HOUR).toISOString(),
        durationMs: 100,
      },
    ])
    const [run] = (await listJobRuns(t.ctx.db, 'noisy', {}, now)).rows
    expect(run?.notifications).toEqual([
      { channel: 'email', state: 'PENDING', attempts: 0, at: expect.any(String), answer: null },
    ])
  })

  it('grids each target’s latest runs, oldest first, and says which never ran', async () => {
    const grid = await jobRunGrid(t.ctx.db, 'nightly')
    expect(grid.rows.map((r) => [r.targetName, r.runs.length])).toEqual([
      ['HR1', 20],
      ['HR2', 1],
      ['HR3', 0],
    ])
    const hr1 = grid.rows[0]
    expect(hr1?.usualMs).toBe(10_000)
    expect(hr1?.runs.at(-1)).toMatchObject({ outcome: 'Failed', longerThanUsual: true })
  })
})
