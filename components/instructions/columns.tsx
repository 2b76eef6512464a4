'use client'

import { OctagonAlertIcon } from 'lucide-react'
import Link from 'next/link'
import type { DataColumn } from '@/components/data-table/data-table'
import { Timestamp } from '@/components/format/relative-time'
import { targetHref } from '@/components/targets/target-href'
import type { InstructionRow } from '@/lib/msx/instructions'
import { InstructionStatusBadge } from './status-badge'

const none = <span className="text-muted-foreground">—</span>

/** Date downloaded, or in its place the error that blocks the target's downloads. */
function Downloaded({ row }: { row: InstructionRow }) {
  if (row.errorMessage)
    return (
      <p className="flex max-w-md items-start gap-1.5 rounded-md border border-red-600/20 bg-red-50 px-2 py-1 text-[13px] text-red-800 dark:border-red-400/25 dark:bg-red-400/10 dark:text-red-200">
        <OctagonAlertIcon className="mt-0.5 size-3.5 shrink-0" aria-hidden />
        <span>
          <span className="sr-only">Error: </span>
          {row.errorMessage}
        </span>
      </p>
    )
  if (row.dateDownloaded) return <Timestamp iso={row.dateDownloaded} />
  return <span className="text-muted-foreground">Not yet</span>
}

export const instructionColumns: DataColumn<InstructionRow>[] = [
  // the id msx clear-error and msx delete-instruction take
  { id: 'id', header: 'Id', className: 'whitespace-nowrap tabular-nums', cell: (row) => row.id },
  {
    id: 'target',
    header: 'Target server',
    rowHeader: true,
    className: 'whitespace-nowrap',
    cell: (row) => (
      <Link
        href={targetHref(row.targetName)}
        className="font-mono text-[13px] font-medium underline-offset-4 hover:underline"
      >
        {row.targetName}
      </Link>
    ),
  },
  {
    id: 'operation',
    header: 'Operation',
    className: 'whitespace-nowrap',
    cell: (row) => (
      <span className="font-mono text-[13px]">
        {row.operation}
        {row.value !== null && <span className="ml-1.5 text-muted-foreground">{row.value}</span>}
      </span>
    ),
  },
  {
    id: 'object',
    header: 'Object name',
    className: 'max-w-56 whitespace-nowrap',
    cell: (row) =>
      row.objectName ? (
        <span className="block truncate" title={row.objectName}>
          {row.objectName}
        </span>
      ) : (
        none
      ),
  },
  {
    id: 'posted',
    header: 'Date posted',
    className: 'whitespace-nowrap',
    cell: (row) => <Timestamp iso={row.datePosted} />,
  },
  // an error wraps rather than pushing Status off the table
  {
    id: 'downloaded',
    header: 'Date downloaded',
    className: 'min-w-64 whitespace-normal',
    cell: (row) => <Downloaded row={row} />,
  },
  { id: 'status', header: 'Status', cell: (row) => <InstructionStatusBadge status={row.status} /> },
]
