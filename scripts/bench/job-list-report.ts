// (f)'s rows of the benchmark table: each page query's median with many jobs and a long history, on the small
// master, and their ratio.
import type { JobListResults } from './job-list'

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (value: number) => `${n(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ms`

export function jobListRows(r: JobListResults) {
  const worst = Math.max(...r.timings.map((t) => t.medianMs))
  return [
    {
      measure: `(f) jobs, ${n(r.jobs)} jobs / ${n(r.targets)} targets / ${n(r.historyRows)} history rows / ${n(r.missedRuns)} missed runs`,
      result: `slowest query ${ms(worst)} (median)`,
      note: `in-process on a fresh SQLite database (seeded in ${n(r.seedSeconds, 1)} s), median of ${r.rounds} runs each after a warm-up; ratio against ${r.baseline.jobs} jobs / ${r.baseline.targets} targets / ${n(r.baseline.historyRows)} rows`,
    },
    ...r.timings.map((t) => ({
      measure: `    ${t.query}`,
      result: `${ms(t.medianMs)} vs ${ms(t.baselineMedianMs)} · ${n(t.medianMs / t.baselineMedianMs, 1)}x`,
      note: '',
    })),
  ]
}
