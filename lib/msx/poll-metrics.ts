// The metrics of a target's poll history and their summary: client-safe, for the chart and the table.

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
