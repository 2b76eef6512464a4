import { useId } from 'react'
import type { MetricSummary, PollMetric, PollSample } from '@/lib/msx/poll-metrics'

const WIDTH = 300
const HEIGHT = 56
const PAD = 4

/** The samples as SVG path points: time across, value up, each axis spread over the values seen. */
function linePath(samples: PollSample[], metric: PollMetric): string {
  const points = samples
    .map((s) => ({ t: Date.parse(s.at), v: s[metric] }))
    .filter((p): p is { t: number; v: number } => p.v !== null)
  if (points.length === 0) return ''
  const [t0, t1] = [points[0]?.t ?? 0, points.at(-1)?.t ?? 0]
  const values = points.map((p) => p.v)
  const [lo, hi] = [Math.min(...values), Math.max(...values)]
  const x = (t: number) => (t1 === t0 ? WIDTH / 2 : ((t - t0) / (t1 - t0)) * WIDTH)
  const y = (v: number) => (hi === lo ? HEIGHT / 2 : PAD + (1 - (v - lo) / (hi - lo)) * (HEIGHT - 2 * PAD))
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')
  // one sample is a point: a short dash shows it
  return points.length === 1 ? `${path} h1` : path
}

/** A small line chart of one poll metric; its caption says what a reader needs (min, max, last) in words. */
export function PollChart({
  samples,
  metric,
  title,
  summary,
  format,
}: {
  samples: PollSample[]
  metric: PollMetric
  title: string
  summary: MetricSummary | null
  format: (value: number) => string
}) {
  const captionId = useId()
  const caption = summary
    ? `min ${format(summary.min)}, max ${format(summary.max)}, last ${format(summary.last)} (${summary.count} sample${summary.count === 1 ? '' : 's'})`
    : 'no sample'
  return (
    <figure className="grid gap-1" data-metric={metric}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={captionId}
        className="h-14 w-full rounded-md bg-muted/40 text-primary"
      >
        <title>{`${title}: ${caption}`}</title>
        <path
          d={linePath(samples, metric)}
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <figcaption id={captionId} className="text-xs text-muted-foreground">
        <span className="font-medium text-foreground">{title}</span>: {caption}
      </figcaption>
    </figure>
  )
}
