// A target's poll history: the samples recordPolls keeps every few minutes, over the hours they are kept.
import type { Db } from '../db/client'
import { POLL_HISTORY_HOURS } from './polls'

export interface PollSample {
  at: string
  pollIntervalSeconds: number
  clockSkewMs: number | null
  spoolDepth: number
}

export const POLL_METRICS = ['pollIntervalSeconds', 'clockSkewMs', 'spoolDepth'] as const
export type PollMetric = (typeof POLL_METRICS)[number]

export interface MetricSummary {
  min: number
  max: number
  last: number
  /** samples that carry the value (a target that never reported its clock has no skew) */
  count: number
}

export interface PollHistory {
  hours: number
  samples: PollSample[]
  summary: Record<PollMetric, MetricSummary | null>
}

export function summarizeMetric(samples: PollSample[], metric: PollMetric): MetricSummary | null {
  const values = samples.map((s) => s[metric]).filter((v): v is number => v !== null)
  const last = values.at(-1)
  if (last === undefined) return null
  return { min: Math.min(...values), max: Math.max(...values), last, count: values.length }
}

/** The samples of the last POLL_HISTORY_HOURS, oldest first. */
export async function pollHistory(db: Db, targetId: number, now = new Date()): Promise<PollHistory> {
  const since = new Date(now.getTime() - POLL_HISTORY_HOURS * 3_600_000)
  const rows = await db.targetPollSample.findMany({
    where: { targetId, at: { gte: since, lte: now } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  })
  const samples = rows.map((r) => ({
    at: r.at.toISOString(),
    pollIntervalSeconds: r.pollIntervalSeconds,
    clockSkewMs: r.clockSkewMs,
    spoolDepth: r.spoolDepth,
  }))
  const summary = Object.fromEntries(
    POLL_METRICS.map((m) => [m, summarizeMetric(samples, m)]),
  ) as PollHistory['summary']
  return { hours: POLL_HISTORY_HOURS, samples, summary }
}
