'use client'

import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from 'lucide-react'
import { useId } from 'react'
import { Button } from '@/components/ui/button'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'

const count = new Intl.NumberFormat('en-US')

interface DataTablePaginationProps {
  page: number
  pageSize: number
  total: number
  /** the total is a lower bound (the list counts only so far): the last page is not known */
  totalIsAtLeast?: boolean
  noun: string
  pageSizes?: number[]
  onPage: (page: number) => void
  onPageSize: (pageSize: number) => void
}

export function DataTablePagination({
  page,
  pageSize,
  total,
  totalIsAtLeast = false,
  noun,
  pageSizes = [25, 50, 100, 200],
  onPage,
  onPageSize,
}: DataTablePaginationProps) {
  const sizeLabel = useId()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const from = total === 0 ? 0 : Math.min(total, (page - 1) * pageSize + 1)
  const to = Math.min(total, page * pageSize)
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b)
  return (
    <nav
      aria-label={`${noun} pages`}
      className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 px-1 text-sm text-muted-foreground"
    >
      <p aria-live="polite" className="tabular-nums">
        {total === 0 ? (
          <>
            <span className="font-medium text-foreground">0</span> {noun}
          </>
        ) : from > to ? (
          <>No rows on this page</>
        ) : (
          <>
            <span className="font-medium text-foreground">
              {count.format(from)}–{count.format(to)}
            </span>{' '}
            of {totalIsAtLeast && 'more than '}
            <span className="font-medium text-foreground">{count.format(total)}</span> {noun}
          </>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div className="flex items-center gap-2">
          <span id={sizeLabel}>Rows per page</span>
          <Select value={String(pageSize)} onValueChange={(value) => onPageSize(Number(value))}>
            <SelectTrigger aria-labelledby={sizeLabel} className="h-8 w-[4.5rem]">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {sizes.map((size) => (
                <SelectItem key={size} value={String(size)}>
                  {size}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <span className="tabular-nums">
          Page {count.format(Math.min(page, pages))} of {totalIsAtLeast ? 'more than ' : ''}
          {count.format(pages)}
        </span>
        <div className="flex items-center gap-1">
          <Button
            variant="outline"
            size="icon-sm"
            aria-label="First page"
            disabled={page <= 1}
            onClick={() => onPage(1)}
          >
            <ChevronsLeftIcon aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon-sm"
            aria-label="Previous page"
            disabled={page <= 1}
            onClick={() => onPage(Math.min(page - 1, pages))}
          >
            <ChevronLeftIcon aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon-sm"
            aria-label="Next page"
            disabled={page >= pages && !totalIsAtLeast}
            onClick={() => onPage(page + 1)}
          >
            <ChevronRightIcon aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon-sm"
            aria-label="Last page"
            disabled={page >= pages || totalIsAtLeast}
            onClick={() => onPage(pages)}
          >
            <ChevronsRightIcon aria-hidden />
          </Button>
        </div>
      </div>
    </nav>
  )
}
