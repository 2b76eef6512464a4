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

/** Rows chosen with checkboxes, for a toolbar that acts on them. */
export interface RowSelection<Row> {
  isSelected: (row: Row) => boolean
  onToggle: (row: Row, selected: boolean) => void
  onToggleAll: (selected: boolean) => void
  /** names the row in the checkbox's accessible label */
  label: (row: Row) => string
  /** the accessible label of the header checkbox */
  allLabel: string
}

interface DataTableProps<Row, SortKey extends string> {
  selection?: RowSelection<Row>
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
  selection,
}: DataTableProps<Row, SortKey>) {
  const allSelected = selection !== undefined && rows.length > 0 && rows.every((row) => selection.isSelected(row))
  return (
    <Table aria-label={label} aria-busy={busy || undefined} className={cn('transition-opacity', busy && 'opacity-70')}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {selection && (
            <TableHead className="w-8 pl-4">
              <input
                type="checkbox"
                aria-label={selection.allLabel}
                checked={allSelected}
                onChange={(e) => selection.onToggleAll(e.target.checked)}
                className="size-4 accent-primary"
              />
            </TableHead>
          )}
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
          <TableRow key={rowKey(row)} data-state={selection?.isSelected(row) ? 'selected' : undefined}>
            {selection && (
              <TableCell className="w-8 pl-4">
                <input
                  type="checkbox"
                  aria-label={`Select ${selection.label(row)}`}
                  checked={selection.isSelected(row)}
                  onChange={(e) => selection.onToggle(row, e.target.checked)}
                  className="size-4 accent-primary"
                />
              </TableCell>
            )}
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
