'use client'

// One target's run durations over time: each run a mark shaped by its outcome (a dot succeeded, a cross failed,
// a diamond otherwise), ringed and labelled "longer than usual" past twice the usual duration, drawn as a dashed line.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { useFormatDate } from '@/components/format/date-locale'
import { formatDuration } from '@/components/target-page/format'
import type { DurationSeries } from '@/lib/msx/job-durations'
import type { RunSummary } from '@/lib/msx/job-runs'

type Point = RunSummary & { at: number }

const TICK = { fill: 'var(--muted-foreground)', fontSize: 11 }

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
// steps a duration axis counts in, so its ticks read as round durations
const STEPS = [1, 2, 5, 10, 15, 30].map((s) => s * SECOND).concat([1, 2, 5, 10, 15, 30].map((m) => m * MINUTE))

/** 0 and about four round durations up to at least `top`. */
function durationTicks(top: number): number[] {
  const step = STEPS.find((s) => top / s <= 4) ?? Math.ceil(top / 4 / HOUR) * HOUR
  const count = Math.max(1, Math.ceil(top / step))
  return Array.from({ length: count + 1 }, (_, i) => i * step)
}

/** "45 s", "10 min", "1 min 30 s", "2 h", "1 h 30 min": short enough for an axis. */
function durationTick(ms: number): string {
  if (ms === 0) return '0'
  if (ms < MINUTE) return `${ms / SECOND} s`
  const [h, m, s] = [Math.floor(ms / HOUR), Math.floor((ms % HOUR) / MINUTE), Math.round((ms % MINUTE) / SECOND)]
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`
  return s > 0 ? `${m} min ${s} s` : `${m} min`
}

export function RunMark({ cx, cy, run }: { cx: number; cy: number; run: RunSummary }) {
  return (
    <g>
      {run.longerThanUsual && (
        <>
          <circle
            cx={cx}
            cy={cy}
            r={8}
            fill="none"
            strokeWidth={2}
            className="stroke-amber-600 dark:stroke-amber-400"
          />
          <text
            x={cx}
            y={cy - 12}
            textAnchor="end"
            fontSize={11}
            className="fill-amber-800 font-medium dark:fill-amber-300"
          >
            longer than usual
          </text>
        </>
      )}
      {run.outcome === 'Succeeded' ? (
        <circle cx={cx} cy={cy} r={3.5} fill="var(--primary)" />
      ) : run.outcome === 'Failed' ? (
        <path
          d={`M${cx - 4} ${cy - 4}L${cx + 4} ${cy + 4}M${cx + 4} ${cy - 4}L${cx - 4} ${cy + 4}`}
          stroke="var(--destructive)"
          strokeWidth={2.5}
          strokeLinecap="round"
        />
      ) : (
        <path d={`M${cx} ${cy - 5}L${cx + 5} ${cy}L${cx} ${cy + 5}L${cx - 5} ${cy}Z`} fill="var(--muted-foreground)" />
      )}
    </g>
  )
}

function RunTooltip({ active, payload, target }: { active?: boolean; payload?: { payload: Point }[]; target: string }) {
  const formatDate = useFormatDate()
  const run = payload?.[0]?.payload
  if (!active || !run) return null
  return (
    <div className="grid gap-0.5 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <span className="font-mono font-medium">{target}</span>
      <span>Started {formatDate('dateTime', run.startedAt)}</span>
      <span>
        {formatDuration(run.durationMs)}, {run.outcome}
      </span>
      {run.longerThanUsual && (
        <span className="font-medium text-amber-800 dark:text-amber-300">
          Longer than usual ({formatDuration(run.usualMs)})
        </span>
      )}
    </div>
  )
}

export function DurationPlot({ series }: { series: DurationSeries }) {
  const formatDate = useFormatDate()
  const points: Point[] = series.runs.map((run) => ({ ...run, at: Date.parse(run.startedAt) }))
  const ticks = durationTicks(Math.max(...points.map((p) => p.durationMs), series.usualMs ?? 0) * 1.1)
  return (
    <LineChart
      data={points}
      accessibilityLayer={false}
      margin={{ top: 22, right: 12, bottom: 0, left: 0 }}
      style={{ width: '100%', height: 180 }}
      responsive
    >
      <CartesianGrid vertical={false} stroke="var(--border)" />
      <XAxis
        dataKey="at"
        type="number"
        scale="time"
        domain={['dataMin', 'dataMax']}
        tick={TICK}
        tickFormatter={(at: number) => formatDate('dayMinute', new Date(at))}
        minTickGap={24}
        stroke="var(--border)"
      />
      <YAxis
        dataKey="durationMs"
        domain={[0, ticks.at(-1) ?? 0]}
        ticks={ticks}
        interval={0}
        tick={TICK}
        tickFormatter={durationTick}
        width={64}
        stroke="var(--border)"
      />
      {series.usualMs !== null && (
        <ReferenceLine
          y={series.usualMs}
          stroke="var(--muted-foreground)"
          strokeDasharray="5 4"
          label={{
            value: `usual ${formatDuration(series.usualMs)}`,
            position: 'insideBottomLeft',
            fill: 'var(--muted-foreground)',
            fontSize: 11,
          }}
        />
      )}
      <Tooltip content={<RunTooltip target={series.targetName} />} isAnimationActive={false} />
      <Line
        dataKey="durationMs"
        stroke="var(--primary)"
        strokeOpacity={0.5}
        strokeWidth={1.5}
        isAnimationActive={false}
        dot={({ cx, cy, payload, index }: { cx?: number; cy?: number; payload?: Point; index?: number }) =>
          cx === undefined || cy === undefined || !payload ? (
            <g key={index} />
          ) : (
            <RunMark key={payload.runId} cx={cx} cy={cy} run={payload} />
          )
        }
        activeDot={{ r: 5, fill: 'var(--primary)' }}
      />
    </LineChart>
  )
}
