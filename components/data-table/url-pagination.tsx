import { DataTablePagination } from './data-table-pagination'
import type { UrlChanges } from './use-url-state'

/** The pager under a list whose page and page size live in the URL (page 1 is the URL without one). */
export function UrlPagination({
  noun,
  list,
  update,
}: {
  noun: string
  list: { page: number; pageSize: number; total: number; totalIsAtLeast?: boolean }
  update: (changes: UrlChanges) => void
}) {
  return (
    <div className="border-t p-3">
      <DataTablePagination
        noun={noun}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        totalIsAtLeast={list.totalIsAtLeast}
        onPage={(page) => update({ page: page === 1 ? null : page })}
        onPageSize={(pageSize) => update({ pageSize })}
      />
    </div>
  )
}
