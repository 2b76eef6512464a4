'use client'

import Link from 'next/link'
import type { DataColumn } from '@/components/data-table/data-table'
import { useDateLocale } from '@/components/format/date-locale'
import { RelativeTime } from '@/components/format/relative-time'
import { Badge } from '@/components/ui/badge'
import { formatUtcOffset, targetWallClock } from '@/lib/format/dates'
import type { TARGET_SORT_COLUMNS, TargetRow } from '@/lib/msx/target-list'
import { formatClockSkew, formatPollInterval } from './format'
import { StatusBadge } from './status-badge'
import { targetHref } from './target-href'

export type TargetSortKey = (typeof TARGET_SORT_COLUMNS)[number]

const MAX_GROUPS_SHOWN = 1

function LocalTime({ row }: { row: TargetRow }) {
  const locale = useDateLocale()
  if (!row.localTime) return <span className="text-muted-foreground">—</span>
  const wall = targetWallClock(locale, row.localTime, row.timeZoneOffsetMinutes)
  return (
    <span title={wall.full} className="tabular-nums">
      {wall.short}
      <span className="ml-1.5 text-xs text-muted-foreground">{formatUtcOffset(row.timeZoneOffsetMinutes)}</span>
    </span>
  )
}

function Groups({ groups }: { groups: string[] }) {
  if (groups.length === 0) return <span className="text-muted-foreground">—</span>
  const shown = groups.slice(0, MAX_GROUPS_SHOWN)
  const more = groups.length - shown.length
  return (
    <span className="flex items-center gap-1" title={groups.join(', ')}>
      {shown.map((group) => (
        <Badge key={group} variant="outline" className="font-normal">
          {group}
        </Badge>
      ))}
      {more > 0 && <span className="text-xs text-muted-foreground">+{more}</span>}
    </span>
  )
}

export const targetColumns: DataColumn<TargetRow, TargetSortKey>[] = [
  {
    id: 'name',
    header: 'Target server',
    sortKey: 'name',
    rowHeader: true,
    className: 'whitespace-nowrap',
    cell: (row) => (
      <Link
        href={targetHref(row.name)}
        className="font-mono text-[13px] font-medium underline-offset-4 hover:underline"
      >
        {row.name}
      </Link>
    ),
  },
  {
    id: 'location',
    header: 'Location',
    sortKey: 'location',
    className: 'max-w-44',
    cell: (row) =>
      row.location ? (
        <span className="block truncate" title={row.location}>
          {row.location}
        </span>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  },
  { id: 'localTime', header: 'Local time', className: 'whitespace-nowrap', cell: (row) => <LocalTime row={row} /> },
  {
    id: 'lastPolled',
    header: 'Last polled',
    sortKey: 'lastPolled',
    className: 'whitespace-nowrap',
    cell: (row) => <RelativeTime iso={row.lastPolled} fallback="Never" />,
  },
  {
    id: 'unread',
    header: 'Unread instructions',
    className: 'text-right',
    cell: (row) => (
      <span className={row.unreadInstructions ? 'font-medium tabular-nums' : 'tabular-nums text-muted-foreground'}>
        {row.unreadInstructions.toLocaleString('en-US')}
      </span>
    ),
  },
  { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} reason={row.statusReason} /> },
  {
    id: 'pollInterval',
    header: 'Poll interval',
    sortKey: 'pollInterval',
    className: 'text-right',
    cell: (row) => <span className="tabular-nums">{formatPollInterval(row.pollIntervalSeconds)}</span>,
  },
  {
    id: 'agentVersion',
    header: 'Agent version',
    sortKey: 'agentVersion',
    cell: (row) => <span className="font-mono text-[13px]">{row.agentVersion}</span>,
  },
  {
    id: 'clockSkew',
    header: 'Clock skew',
    sortKey: 'clockSkew',
    className: 'text-right',
    cell: (row) => (
      <span className={row.clockSkewMs === null ? 'text-muted-foreground' : 'tabular-nums'}>
        {formatClockSkew(row.clockSkewMs)}
      </span>
    ),
  },
  { id: 'groups', header: 'Groups', cell: (row) => <Groups groups={row.groups} /> },
]
