// (e)'s rows of the benchmark table: each query's median on the large fleet, on the baseline, and their ratio.
import type { TargetListResults } from './target-list'

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (value: number) => `${n(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ms`

export function targetListRows(r: TargetListResults) {
  const worst = Math.max(...r.timings.map((t) => t.medianMs))
  return [
    {
      measure: `(e) target list, ${n(r.targets)} targets vs ${n(r.baselineTargets)}`,
      result: `slowest query ${ms(worst)} (median)`,
      note: `listTargets in-process on a fresh SQLite database (seeded in ${n(r.seedSeconds, 1)} s), median of ${r.rounds} runs each after a warm-up, pages of 50; ratio = ${n(r.targets)} / ${n(r.baselineTargets)} targets`,
    },
    ...r.timings.map((t) => ({
      measure: `    ${t.query}`,
      result: `${ms(t.medianMs)} vs ${ms(t.baselineMedianMs)} · ${n(t.medianMs / t.baselineMedianMs, 1)}x`,
      note: `${n(t.matches)} match (${n(t.baselineMatches)} of ${n(r.baselineTargets)})`,
    })),
  ]
}
