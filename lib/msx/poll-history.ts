// A target's poll history: the samples recordPolls keeps every few minutes, over the hours they are kept.
import 'server-only'
import type { Db } from '../db/client'
import { POLL_METRICS, type PollHistory, summarizeMetric } from './poll-metrics'
import { POLL_HISTORY_HOURS } from './polls'

export type { PollHistory } from './poll-metrics'

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
