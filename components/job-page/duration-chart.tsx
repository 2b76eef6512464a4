'use client'

// History's duration chart: a small chart per target of its latest runs against its usual duration, with a
// summary of each for screen readers and the same runs as a table on demand.
import { TableIcon } from 'lucide-react'
import { useId, useState } from 'react'
import { LocalDate } from '@/components/format/relative-time'
import { formatDuration } from '@/components/target-page/format'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { DurationChart as Chart, DurationSeries } from '@/lib/msx/job-durations'
import { LONGER_THAN_USUAL } from '@/lib/msx/usual-duration'
import { DurationPlot, RunMark } from './duration-plot'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "DC1: 30 runs, usual 10 s, 1 longer than usual, 2 failed" */
function summaryOf(series: DurationSeries) {
  const longer = series.runs.filter((r) => r.longerThanUsual).length
  const failed = series.runs.filter((r) => r.outcome === 'Failed').length
  return [
    `Run durations on ${series.targetName}: ${plural(series.runs.length, 'run')}`,
    `usual ${formatDuration(series.usualMs)}`,
    `${longer} longer than usual`,
    `${failed} failed`,
  ].join(', ')
}

function Legend() {
  const mark = (run: Parameters<typeof RunMark>[0]['run'], label: string) => (
    <li className="inline-flex items-center gap-1.5">
      <svg width="18" height="18" aria-hidden="true">
        <RunMark cx={9} cy={9} run={run} />
      </svg>
      {label}
    </li>
  )
  const base = { runId: '', targetName: '', message: '', startedAt: '', durationMs: 0, usualMs: null }
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
      {mark({ ...base, outcome: 'Succeeded', longerThanUsual: false }, 'Succeeded')}
      {mark({ ...base, outcome: 'Failed', longerThanUsual: false }, 'Failed')}
      {mark({ ...base, outcome: 'Canceled', longerThanUsual: false }, 'Retry or canceled')}
      <li className="inline-flex items-center gap-1.5">
        <svg width="18" height="18" aria-hidden="true">
          <circle cx={9} cy={9} r={7} fill="none" strokeWidth={2} className="stroke-amber-600 dark:stroke-amber-400" />
        </svg>
        Longer than usual: over {LONGER_THAN_USUAL} times the usual duration
      </li>
      <li className="inline-flex items-center gap-1.5">
        <svg width="18" height="18" aria-hidden="true">
          <line x1={1} x2={17} y1={9} y2={9} stroke="var(--muted-foreground)" strokeDasharray="4 3" strokeWidth={1.5} />
        </svg>
        Usual duration: the 95th percentile of the target's recent runs
      </li>
    </ul>
  )
}

function DurationTable({ id, hidden, series }: { id: string; hidden: boolean; series: DurationSeries[] }) {
  return (
    <div id={id} hidden={hidden} className="overflow-x-auto border-t">
      <Table aria-label="Run durations per target">
        <TableHeader>
          <TableRow>
            <TableHead>Target server</TableHead>
            <TableHead>Started</TableHead>
            <TableHead className="text-right">Duration</TableHead>
            <TableHead>Outcome</TableHead>
            <TableHead className="text-right">Usual duration</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {series.flatMap((s) =>
            s.runs.map((run) => (
              <TableRow key={`${s.targetName}-${run.runId}`}>
                <TableCell className="font-mono text-[13px]">{s.targetName}</TableCell>
                <TableCell className="text-sm tabular-nums">
                  <LocalDate iso={run.startedAt} />
                </TableCell>
                <TableCell className="text-right text-sm tabular-nums">
                  {formatDuration(run.durationMs)}
                  {run.longerThanUsual && (
                    <span className="ml-2 text-xs font-medium text-amber-800 dark:text-amber-300">
                      longer than usual
                    </span>
                  )}
                </TableCell>
                <TableCell className="text-sm">{run.outcome}</TableCell>
                <TableCell className="text-right text-sm tabular-nums">{formatDuration(s.usualMs)}</TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </div>
  )
}

export function DurationChart({ chart }: { chart: Chart }) {
  const [asTable, setAsTable] = useState(false)
  const tableId = useId()
  const titleId = useId()
  const shown = chart.series.length
  return (
    <Card className="overflow-hidden" role="region" aria-labelledby={titleId}>
      <div className="flex flex-wrap items-start justify-between gap-2 p-4 pb-2">
        <div className="grid gap-1">
          <h2 id={titleId} className="font-semibold leading-none">
            Duration of the last {chart.runsPerTarget} runs
          </h2>
          <p className="text-sm text-muted-foreground">
            {shown < chart.total
              ? `${shown} of ${chart.total} target servers shown: those that ran the job last. Filter by target server or group to see others.`
              : `${plural(shown, 'target server')}.`}
          </p>
        </div>
        <Button
          variant="outline"
          size="sm"
          aria-expanded={asTable}
          aria-controls={tableId}
          onClick={() => setAsTable((open) => !open)}
        >
          <TableIcon aria-hidden />
          {asTable ? 'Hide table' : 'Show as table'}
        </Button>
      </div>
      <ul className="grid gap-4 px-4 pb-3 md:grid-cols-2" aria-label="Run durations, a chart per target">
        {chart.series.map((series) => (
          <li key={series.targetName} className="grid min-w-0 gap-1">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="min-w-0 break-all font-mono text-[13px] font-medium">{series.targetName}</span>
              <span className="text-xs text-muted-foreground">Usual {formatDuration(series.usualMs)}</span>
            </div>
            <div role="img" aria-label={summaryOf(series)}>
              <DurationPlot series={series} />
            </div>
          </li>
        ))}
      </ul>
      <div className="px-4 pb-4">
        <Legend />
      </div>
      <DurationTable id={tableId} hidden={!asTable} series={chart.series} />
    </Card>
  )
}
