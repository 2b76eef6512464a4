// History's duration chart: for a bounded number of the job's targets (those that ran it most recently, within
// the page's target and group filters), each one's latest runs and its usual duration (p95 of its recent runs).
import 'server-only'
import type { Db } from '../db/client'
import { jobRunsQuery, RUN_FIELDS, type RunSummary, runSummary, USUAL_OVER_RUNS, usualOf } from './job-runs'
import { findJob } from './jobs'
import { nameKey } from './names'

/** The runs of each target the chart draws. */
export const CHART_RUNS = 30
/** The targets the chart draws at most. */
export const CHART_TARGETS = 6

export const durationChartQuery = jobRunsQuery.pick({ target: true, group: true })

export interface DurationSeries {
  targetName: string
  usualMs: number | null
  /** oldest first, at most CHART_RUNS */
  runs: RunSummary[]
}

export interface DurationChart {
  series: DurationSeries[]
  /** the targets that ran the job within the filters; `series` holds those that ran it last, by name */
  total: number
  /** the most runs a series holds */
  runsPerTarget: number
}

export async function jobDurationChart(
  db: Db,
  jobName: string,
  rawQuery: { target?: string; group?: string } = {},
): Promise<DurationChart> {
  const query = durationChartQuery.parse(rawQuery)
  const job = await findJob(db, jobName)
  const where = {
    jobId: job.id,
    lastRunAt: { not: null },
    ...(query.target || query.group
      ? {
          target: {
            ...(query.target ? { nameKey: nameKey(query.target) } : {}),
            ...(query.group ? { groups: { some: { group: { nameKey: nameKey(query.group) } } } } : {}),
          },
        }
      : {}),
  }
  const [total, holders] = await Promise.all([
    db.jobServer.count({ where }),
    db.jobServer.findMany({
      where,
      orderBy: [{ lastRunAt: 'desc' }, { targetId: 'asc' }],
      take: CHART_TARGETS,
      select: { targetId: true, target: { select: { name: true } } },
    }),
  ])
  const series = await Promise.all(
    holders.map(async (h) => {
      // the same runs the usual duration is measured over everywhere else, the newest of them drawn
      const recent = await db.jobHistory.findMany({
        where: { jobId: job.id, targetId: h.targetId, stepNumber: 0 },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        take: USUAL_OVER_RUNS,
        select: RUN_FIELDS,
      })
      const usualMs = usualOf(recent.map((r) => r.durationMs))
      const runs = recent
        .slice(0, CHART_RUNS)
        .reverse()
        .map((r) => runSummary(r, usualMs))
      return { targetName: h.target.name, usualMs, runs }
    }),
  )
  return { series: series.sort((a, b) => a.targetName.localeCompare(b.targetName)), total, runsPerTarget: CHART_RUNS }
}
