'use client'

import type { DataColumn } from '@/components/data-table/data-table'
import { Timestamp } from '@/components/format/relative-time'
import { Badge } from '@/components/ui/badge'
import type { AuditRow } from '@/lib/msx/audit-list'
import { describeDetails } from './details'

const dash = <span className="text-muted-foreground">—</span>

export const activityColumns: DataColumn<AuditRow>[] = [
  // the relative time under the date: the log has seven columns to fit
  { id: 'at', header: 'When', cell: (row) => <Timestamp iso={row.at} stacked /> },
  {
    id: 'actor',
    header: 'Who',
    rowHeader: true,
    cell: (row) => <span className="font-medium">{row.actor}</span>,
  },
  {
    id: 'action',
    header: 'Action',
    cell: (row) => (
      <Badge variant="outline" className="font-mono font-normal">
        {row.action}
      </Badge>
    ),
  },
  {
    id: 'object',
    header: 'Object',
    cell: (row) =>
      row.objectName ? (
        <span className="flex max-w-40 min-w-0 items-baseline gap-1.5" title={`${row.objectType} ${row.objectName}`}>
          <span className="text-xs text-muted-foreground">{row.objectType}</span>
          <span className="truncate font-mono text-[13px]">{row.objectName}</span>
        </span>
      ) : (
        <span className="text-xs text-muted-foreground">{row.objectType}</span>
      ),
  },
  {
    id: 'details',
    header: 'Details',
    cell: (row) => {
      const text = describeDetails(row.details)
      return text ? (
        // a block of its own width, as a table cell's max-width would not hold the column to it
        <span className="block max-w-52 truncate text-muted-foreground 2xl:max-w-96" title={text}>
          {text}
        </span>
      ) : (
        dash
      )
    },
  },
  {
    id: 'address',
    header: 'From',
    cell: (row) => (row.address ? <span className="font-mono text-[13px]">{row.address}</span> : dash),
  },
  {
    id: 'result',
    header: 'Result',
    cell: (row) =>
      row.result === 'success' ? (
        <Badge variant="green">Success</Badge>
      ) : row.result === 'failure' ? (
        <Badge variant="red">Failure</Badge>
      ) : (
        <Badge variant="gray">{row.result}</Badge>
      ),
  },
]
