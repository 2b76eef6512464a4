// Latency summaries for benchmarks and the simulator: nearest-rank percentiles, so every reported figure is a
// value that was actually measured.

export interface Summary {
  count: number
  min: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

/** The nearest-rank percentile `p` (0-100) of samples sorted in ascending order; NaN when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length)
  return sorted[Math.max(rank, 1) - 1] as number
}

/** Count, extremes, mean and the usual percentiles of `samples` (left as they are: a sorted copy is used). */
export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort()
  let total = 0
  for (const value of sorted) total += value
  return {
    count: sorted.length,
    min: sorted.length ? (sorted[0] as number) : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
  }
}
