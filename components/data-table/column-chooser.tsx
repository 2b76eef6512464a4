'use client'

import { Columns3Icon } from 'lucide-react'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import type { DataColumn } from './data-table'
import type { useHiddenColumns } from './use-hidden-columns'

/** Shows or hides a table's columns; the column that names each row always stays. */
export function ColumnChooser<Row>({
  columns,
  choice: { hidden, setHidden, isDefault },
}: {
  columns: DataColumn<Row, string>[]
  choice: ReturnType<typeof useHiddenColumns>
}) {
  const choosable = columns.filter((column) => !column.rowHeader)
  const hiddenCount = choosable.filter((column) => hidden.has(column.id)).length
  const toggle = (id: string, shown: boolean) => {
    const next = new Set(hidden)
    if (shown) next.delete(id)
    else next.add(id)
    setHidden(next)
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3Icon aria-hidden />
          Columns
          {hiddenCount > 0 && <span className="text-muted-foreground">{` (${hiddenCount} hidden)`}</span>}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel>Show columns</DropdownMenuLabel>
        {choosable.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={!hidden.has(column.id)}
            onCheckedChange={(shown) => toggle(column.id, shown)}
            // the menu stays open for the next column
            onSelect={(event) => event.preventDefault()}
          >
            {column.header}
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem disabled={isDefault} onSelect={() => setHidden('default')}>
          Restore the default columns
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
