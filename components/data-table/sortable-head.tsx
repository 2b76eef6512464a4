import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from 'lucide-react'
import { TableHead } from '@/components/ui/table'
import { cn } from '@/lib/utils'

export interface SortState<SortKey extends string> {
  sort: SortKey
  dir: 'asc' | 'desc'
}

interface SortableHeadProps<SortKey extends string> {
  label: string
  sortKey: SortKey
  sort: SortState<SortKey>
  onSort: (sort: SortState<SortKey>) => void
  className?: string
}

export function SortableHead<SortKey extends string>({
  label,
  sortKey,
  sort,
  onSort,
  className,
}: SortableHeadProps<SortKey>) {
  const active = sort.sort === sortKey
  const Icon = !active ? ArrowUpDownIcon : sort.dir === 'asc' ? ArrowUpIcon : ArrowDownIcon
  const next = active && sort.dir === 'asc' ? 'desc' : 'asc'
  return (
    <TableHead aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={className}>
      <button
        type="button"
        onClick={() => onSort({ sort: sortKey, dir: next })}
        title={`Sort by ${label.toLowerCase()}, ${next === 'asc' ? 'ascending' : 'descending'}`}
        className={cn(
          '-mx-1.5 inline-flex items-center gap-1 rounded-sm px-1.5 py-1 text-left outline-none',
          'hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
          active && 'text-foreground',
        )}
      >
        <span>{label}</span>
        <Icon className={cn('size-3.5', !active && 'opacity-40')} aria-hidden />
      </button>
    </TableHead>
  )
}
