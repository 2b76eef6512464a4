import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { addGroupMembers, createGroup } from './groups'
import { CHART_RUNS, CHART_TARGETS, jobDurationChart } from './job-durations'
import { createJob } from './jobs'
import { recordOutcomes } from './outcomes'

const t = testDatabase()
const HOUR = 3_600_000
const now = Date.parse('2026-12-02T12:00:00Z')

async function run(target: string, n: number, runStatus: 0 | 1, durationMs: number, hoursAgo: number) {
  const job = await t.ctx.db.job.findFirstOrThrow({ where: { name: 'chart' } })
  const row = await t.ctx.db.targetServer.findFirstOrThrow({ where: { name: target } })
  const runId = `${target}-${n}`
  await recordOutcomes(t.ctx.db, row, [
    {
      idempotencyKey: `${runId}:0`,
      runId,
      jobId: job.id,
      jobName: 'chart',
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus,
      message: runStatus ? 'The job succeeded.' : 'The job failed.',
      output: '',
      retriesAttempted: 0,
      startedAt: new Date(now - hoursAgo * HOUR).toISOString(),
      durationMs,
    },
  ])
}

const names = Array.from({ length: CHART_TARGETS + 2 }, (_, i) => `DC${i + 1}`)

describe("History's duration chart", () => {
  it("draws each target's latest runs against its usual duration, and flags those over twice it", async () => {
    for (const name of names) await enlist(t.ctx, name)
    await createGroup(t.ctx, 'chart-east')
    await addGroupMembers(t.ctx, 'chart-east', ['DC1', 'DC2'])
    await createJob(t.ctx, {
      name: 'chart',
      steps: [{ name: 'work', kind: 'cmdexec', command: 'echo' }],
      targets: { servers: names, groups: [] },
    })
    // DC1: 40 runs of 10 s, then a failed one of 25 s (over twice usual)
    for (let n = 1; n <= 40; n++) await run('DC1', n, 1, 10_000, 100 - n)
    await run('DC1', 41, 0, 25_000, 50)

    const chart = await jobDurationChart(t.ctx.db, 'chart', { target: 'dc1' })
    expect(chart.total).toBe(1)
    const [dc1] = chart.series
    expect(dc1?.usualMs).toBe(10_000)
    expect(dc1?.runs).toHaveLength(CHART_RUNS)
    expect(dc1?.runs.at(-1)).toMatchObject({ outcome: 'Failed', durationMs: 25_000, longerThanUsual: true })
    expect(dc1?.runs.filter((r) => r.longerThanUsual)).toHaveLength(1)
    expect(dc1?.runs[0]?.startedAt < (dc1?.runs.at(-1)?.startedAt ?? '')).toBe(true)
  })

  it('draws a bounded number of targets, those that ran it last, and counts them all', async () => {
    // every other target ran it once, after DC1's last run: DC2 first, DC8 last
    for (const [i, name] of names.slice(1).entries()) await run(name, 1, 1, 5_000, 40 - i)
    const chart = await jobDurationChart(t.ctx.db, 'chart')
    expect(chart.total).toBe(names.length)
    expect(chart.series.map((s) => s.targetName)).toEqual(['DC3', 'DC4', 'DC5', 'DC6', 'DC7', 'DC8'])
    expect(chart.series.find((s) => s.targetName === 'DC8')).toMatchObject({ usualMs: 5_000 })

    const east = await jobDurationChart(t.ctx.db, 'chart', { group: 'CHART-EAST' })
    expect(east.series.map((s) => s.targetName)).toEqual(['DC1', 'DC2'])
    expect(east.total).toBe(2)
  })

  it('leaves out targets that never ran the job', async () => {
    await enlist(t.ctx, 'DC-NEW')
    await createJob(t.ctx, {
      name: 'chart-never',
      steps: [{ name: 'work', kind: 'cmdexec', command: 'echo' }],
      targets: { servers: ['DC-NEW'], groups: [] },
    })
    expect(await jobDurationChart(t.ctx.db, 'chart-never')).toMatchObject({ series: [], total: 0 })
  })
})
