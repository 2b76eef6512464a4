'use client'

import Link from 'next/link'
import type { DataColumn } from '@/components/data-table/data-table'
import { LocalDate, RelativeTime } from '@/components/format/relative-time'
import { Badge } from '@/components/ui/badge'
import type { JOB_SORT_COLUMNS, JobRow } from '@/lib/msx/job-table'
import { cn } from '@/lib/utils'
import { jobHref } from './job-href'
import { OutcomeBar } from './outcome-bar'

export type JobSortKey = (typeof JOB_SORT_COLUMNS)[number]

const none = <span className="text-muted-foreground">—</span>

const columns: DataColumn<JobRow, JobSortKey>[] = [
  {
    id: 'name',
    header: 'Name',
    sortKey: 'name',
    rowHeader: true,
    // names and categories take two lines rather than push the last columns out of sight at 1280 px
    className: 'min-w-32 max-w-48 whitespace-normal',
    cell: (row) => (
      <Link
        href={jobHref(row.name)}
        className="line-clamp-2 font-medium break-words underline-offset-4 hover:underline"
        title={row.description || row.name}
      >
        {row.name}
      </Link>
    ),
  },
  {
    id: 'category',
    header: 'Category',
    sortKey: 'category',
    className: 'max-w-32 whitespace-normal',
    cell: (row) => (
      <span className="line-clamp-2 text-muted-foreground break-words" title={row.category}>
        {row.category}
      </span>
    ),
  },
  {
    id: 'enabled',
    header: 'Enabled',
    sortKey: 'enabled',
    cell: (row) => (row.enabled ? <Badge variant="green">Yes</Badge> : <Badge variant="outline">No</Badge>),
  },
  {
    id: 'targets',
    header: 'Targets',
    sortKey: 'targets',
    className: 'text-right',
    cell: (row) => (
      <span className="tabular-nums">
        {row.targets.toLocaleString('en-US')}
        {row.targets > 0 && (
          <span
            className={cn(
              'block text-xs',
              row.current < row.targets ? 'text-amber-700 dark:text-amber-400' : 'text-muted-foreground',
            )}
          >
            {row.current === row.targets
              ? 'all current'
              : `${row.current.toLocaleString('en-US')} of ${row.targets.toLocaleString('en-US')} current`}
          </span>
        )}
      </span>
    ),
  },
  {
    id: 'lastOutcome',
    header: 'Last outcome',
    sortKey: 'lastOutcome',
    cell: (row) => <OutcomeBar outcomes={row.outcomes} />,
  },
  {
    id: 'lastRun',
    header: 'Last run',
    sortKey: 'lastRun',
    className: 'whitespace-nowrap',
    cell: (row) => <RelativeTime iso={row.lastRunAt} fallback="Never" />,
  },
  {
    id: 'nextRun',
    header: 'Next run',
    sortKey: 'nextRun',
    className: 'whitespace-nowrap',
    cell: (row) => (
      <div className="grid">
        {row.pausedUntil && row.enabled && (
          <span className="text-amber-700 dark:text-amber-400">
            Paused until <LocalDate iso={row.pausedUntil} style="dayMinute" />
          </span>
        )}
        {row.nextRunAt ? (
          <LocalDate iso={row.nextRunAt} style="dayMinute" />
        ) : (
          <span className="text-muted-foreground">{row.enabled ? 'Not scheduled' : 'Disabled'}</span>
        )}
      </div>
    ),
  },
  {
    id: 'missed',
    header: 'Missed',
    sortKey: 'missed',
    className: 'whitespace-nowrap',
    cell: (row) =>
      row.missed > 0 ? (
        <Link
          href={`${jobHref(row.name)}?tab=missed`}
          className="font-medium text-amber-700 underline-offset-4 hover:underline dark:text-amber-400"
          title="Runs missed on its targets in the last 24 hours"
        >
          {row.missed.toLocaleString('en-US')} missed
        </Link>
      ) : (
        none
      ),
  },
  { id: 'owner', header: 'Owner', sortKey: 'owner', cell: (row) => row.owner || none },
]

// ten columns in the width a 1280-pixel screen leaves the list: a little less room between them than other lists
export const jobColumns = columns.map((column) => ({ ...column, className: cn('px-2', column.className) }))
