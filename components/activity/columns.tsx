'use client'

import type { DataColumn } from '@/components/data-table/data-table'
import { Timestamp } from '@/components/format/relative-time'
import { Badge } from '@/components/ui/badge'
import type { AuditRow } from '@/lib/msx/audit-list'
import { describeDetails } from './details'

const dash = <span className="text-muted-foreground">—</span>

export const activityColumns: DataColumn<AuditRow>[] = [
  { id: 'at', header: 'When', cell: (row) => <Timestamp iso={row.at} /> },
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
    className: 'max-w-64',
    cell: (row) =>
      row.objectName ? (
        <span className="flex min-w-0 items-baseline gap-1.5" title={`${row.objectType} ${row.objectName}`}>
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
    className: 'max-w-96',
    cell: (row) => {
      const text = describeDetails(row.details)
      return text ? (
        <span className="block truncate text-muted-foreground" title={text}>
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
