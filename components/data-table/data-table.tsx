import type { ReactNode } from 'react'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { cn } from '@/lib/utils'
import { SortableHead, type SortState } from './sortable-head'

export interface DataColumn<Row, SortKey extends string = string> {
  id: string
  header: string
  /** the server-side sort this column's header switches to, when it can sort */
  sortKey?: SortKey
  cell: (row: Row) => ReactNode
  /** applied to the header and the cells: width, alignment */
  className?: string
  /** this column names the row (rendered as a row header for screen readers) */
  rowHeader?: boolean
}

interface DataTableProps<Row, SortKey extends string> {
  columns: DataColumn<Row, SortKey>[]
  rows: Row[]
  rowKey: (row: Row) => string | number
  label: string
  sort?: SortState<SortKey>
  onSort?: (sort: SortState<SortKey>) => void
  busy?: boolean
}

export function DataTable<Row, SortKey extends string>({
  columns,
  rows,
  rowKey,
  label,
  sort,
  onSort,
  busy,
}: DataTableProps<Row, SortKey>) {
  return (
    <Table aria-label={label} aria-busy={busy || undefined} className={cn('transition-opacity', busy && 'opacity-70')}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {columns.map((column) =>
            column.sortKey && sort && onSort ? (
              <SortableHead
                key={column.id}
                label={column.header}
                sortKey={column.sortKey}
                sort={sort}
                onSort={onSort}
                className={column.className}
              />
            ) : (
              <TableHead key={column.id} className={column.className}>
                {column.header}
              </TableHead>
            ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th
                  key={column.id}
                  scope="row"
                  className={cn('px-2.5 py-2 text-left font-normal first:pl-4', column.className)}
                >
                  {column.cell(row)}
                </th>
              ) : (
                <TableCell key={column.id} className={column.className}>
                  {column.cell(row)}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
