// (g)'s rows of the benchmark table: each bulk action on the large fleet, against the baseline and one transaction
// per target, and what the concurrent writers saw meanwhile.
import type { BulkActionResults } from './bulk-actions'
import type { WriterStats } from './bulk-writers'

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (value: number) => `${n(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ms`

const writer = (label: string, w: WriterStats) =>
  `${label}: ${n(w.writes)} writes, max ${ms(w.maxMs)} (p99 ${ms(w.p99Ms)}), ${w.timedOut} timed out${w.failed > w.timedOut ? `, ${w.failed - w.timedOut} failed (${w.firstError})` : ''}`

export function bulkActionRows(r: BulkActionResults) {
  return [
    {
      measure: `(g) bulk actions, ${n(r.targets)} targets vs ${n(r.baselineTargets)}`,
      result: `slowest ${ms(Math.max(...r.timings.map((t) => t.ms)))} (goal < 2,000 ms)`,
      note: `in-process on a fresh SQLite fleet per run, ${r.jobsPerTarget} jobs and a pending SET-POLL per target, batches of ${n(r.targetsPerBatch)}; ratio = time on ${n(r.targets)} / on ${n(r.baselineTargets)} (median of 5 runs; ${n(r.targets / r.baselineTargets)}x the targets)`,
    },
    ...r.timings.flatMap((t) => [
      {
        measure: `    ${t.action}`,
        result: `${ms(t.ms)} vs ${ms(t.baselineMs)} · ${n(t.ms / t.baselineMs, 1)}x`,
        note: `one transaction per target, ${n(r.oneByOneTargets)} targets: ${ms(t.oneByOneMs)} (${n((t.oneByOneMs * 1000) / r.oneByOneTargets)} µs per target, batched: ${n((t.ms * 1000) / r.targets)} µs)`,
      },
      {
        measure: `      writers meanwhile`,
        result: `max ${ms(Math.max(t.sameProcess.maxMs, t.otherProcess.maxMs))}, ${t.sameProcess.timedOut + t.otherProcess.timedOut} timed out`,
        note: `${writer('location edit, same process', t.sameProcess)}; ${writer('poll batch of 50, other process', t.otherProcess)}`,
      },
    ]),
  ]
}
