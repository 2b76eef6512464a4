// (g)'s rows of the benchmark table: each request's median and p95 on the large fleet and on the baseline, the
// ratio of the medians against the goal (200 ms and 5x), and where the slowest one's time goes.
import type { TargetPageResults } from './target-page'

const GOAL_MS = 200
const GOAL_RATIO = 5
const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (value: number) => `${n(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ms`

export function targetPageRows(r: TargetPageResults) {
  const missed = r.timings.filter((t) => t.large.p50 > GOAL_MS || t.large.p50 / t.baseline.p50 > GOAL_RATIO)
  const s = r.slowest
  return [
    {
      measure: `(g) target page over HTTP, ${n(r.targets)} targets vs ${n(r.baselineTargets)}`,
      result: `${missed.length} of ${r.timings.length} requests miss the goal (${GOAL_MS} ms and ${GOAL_RATIO}x, median)`,
      note: `signed in, built dashboard, SQLite (seeded in ${n(r.seedSeconds, 1)} s); ${r.rounds} runs each after a warm-up, alternating the two masters; html = first visit, rsc = a filter or sort changed, json = live refresh`,
    },
    ...r.timings.map((t) => ({
      measure: `    ${t.query} · ${t.request}`,
      result: `p50 ${ms(t.large.p50)} p95 ${ms(t.large.p95)} vs p50 ${ms(t.baseline.p50)} p95 ${ms(t.baseline.p95)} · ${n(t.large.p50 / t.baseline.p50, 1)}x`,
      note: t.large.p50 > GOAL_MS || t.large.p50 / t.baseline.p50 > GOAL_RATIO ? 'misses the goal' : '',
    })),
    {
      measure: `    slowest: ${s.query} · ${s.request}`,
      result: `${ms(s.totalMs)}: listTargets ${ms(s.listTargetsMs)}, other loads ${ms(s.otherLoadsMs)}`,
      note: 'the page loads timed again in-process on the same database (median); the rest is render and transport',
    },
  ]
}
