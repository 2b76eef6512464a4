'use client'

// Running now's columns: job, target, current step, started, elapsed (ticking) against the usual duration.
import Link from 'next/link'
import type { DataColumn } from '@/components/data-table/data-table'
import { LocalDate, Timestamp } from '@/components/format/relative-time'
import { jobHref } from '@/components/jobs/job-href'
import { formatDuration } from '@/components/target-page/format'
import { targetHref } from '@/components/targets/target-href'
import type { RunningJob } from '@/lib/msx/jobs-running'
import { currentStepWords } from '@/lib/msx/running-words'
import { Elapsed } from './elapsed'

export function CurrentStep({ run }: { run: RunningJob }) {
  return (
    <span className="block">
      <span className="block">{currentStepWords(run)}</span>
      {run.step?.startedAt && (
        <span className="block text-xs text-muted-foreground">
          since <LocalDate iso={run.step.startedAt} style="time" />
        </span>
      )}
    </span>
  )
}

/** `readAt`: when the rows were read from the master, from which the elapsed times tick on. */
export function runningColumns(readAt: number): DataColumn<RunningJob>[] {
  return [
    {
      id: 'job',
      header: 'Job',
      rowHeader: true,
      className: 'max-w-56',
      cell: (run) => (
        <Link href={jobHref(run.job)} className="block truncate font-medium underline-offset-4 hover:underline">
          {run.job}
        </Link>
      ),
    },
    {
      id: 'target',
      header: 'Target server',
      className: 'max-w-48',
      cell: (run) => (
        <Link
          href={targetHref(run.target)}
          className="block truncate font-mono text-[13px] underline-offset-4 hover:underline"
        >
          {run.target}
        </Link>
      ),
    },
    { id: 'step', header: 'Current step', className: 'min-w-40', cell: (run) => <CurrentStep run={run} /> },
    { id: 'started', header: 'Started', cell: (run) => <Timestamp iso={run.startedAt} stacked /> },
    {
      id: 'elapsed',
      header: 'Elapsed',
      className: 'min-w-28',
      cell: (run) => <Elapsed elapsedMs={run.elapsedMs} readAt={readAt} usualMs={run.usualMs} />,
    },
    {
      id: 'usual',
      header: 'Usual duration',
      className: 'text-right',
      cell: (run) => <span className="tabular-nums text-muted-foreground">{formatDuration(run.usualMs)}</span>,
    },
  ]
}
