'use client'

import { HistoryIcon, SearchXIcon } from 'lucide-react'
import { ColumnChooser } from '@/components/data-table/column-chooser'
import { DataTable } from '@/components/data-table/data-table'
import { ListError, ListLoading, PastLastPage } from '@/components/data-table/list-states'
import { LiveIndicator } from '@/components/data-table/live-indicator'
import { UrlPagination } from '@/components/data-table/url-pagination'
import { useHiddenColumns } from '@/components/data-table/use-hidden-columns'
import { useUrlState } from '@/components/data-table/use-url-state'
import { useAuditList } from '@/components/live/live-queries'
import { useLiveRefresh } from '@/components/live/refresh-context'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import type { AuditListParams } from '@/lib/query/keys'
import { ActivityToolbar, hasActivityFilters, NO_ACTIVITY_FILTERS } from './activity-toolbar'
import { ACTIVITY_COLUMNS_HIDDEN_BY_DEFAULT, ACTIVITY_COLUMNS_TABLE } from './column-choice'
import { activityColumns } from './columns'
import { ExportCsvLink } from './export-csv-link'

/** The activity log, newest first: every change, who made it, from where, and how it ended. */
export function ActivityTable({
  query,
  hiddenColumns,
}: {
  query: AuditListParams
  /** the columns this browser hides, as its cookie says; null for the defaults */
  hiddenColumns: string[] | null
}) {
  const { update, isPending } = useUrlState()
  const columnChoice = useHiddenColumns(ACTIVITY_COLUMNS_TABLE, ACTIVITY_COLUMNS_HIDDEN_BY_DEFAULT, hiddenColumns)
  const live = useLiveRefresh()
  const { data, error, isFetching, dataUpdatedAt, refetch } = useAuditList(query)
  const filtered = hasActivityFilters(query)

  if (!data) return error ? <ListError error={error} onRetry={() => refetch()} /> : <ListLoading />

  return (
    <Card className="overflow-hidden">
      <div className="border-b p-3">
        <ActivityToolbar query={query} onChange={update}>
          <LiveIndicator
            updatedAt={dataUpdatedAt}
            fetching={isFetching || isPending}
            intervalMs={live.intervalMs}
            error={error}
          />
          <ColumnChooser columns={activityColumns} choice={columnChoice} />
          <ExportCsvLink query={query} />
        </ActivityToolbar>
      </div>
      {data.rows.length > 0 ? (
        <DataTable
          label="Activity"
          columns={activityColumns.filter((column) => !columnChoice.hidden.has(column.id))}
          rows={data.rows}
          rowKey={(row) => row.id}
          busy={isPending}
        />
      ) : data.total > 0 ? (
        <PastLastPage page={data.page} onFirstPage={() => update({ page: null })} />
      ) : filtered ? (
        <EmptyState
          icon={SearchXIcon}
          title="No activity matches"
          action={
            <Button variant="outline" onClick={() => update(NO_ACTIVITY_FILTERS)}>
              Clear filters
            </Button>
          }
        >
          <p>No entry of the activity log matches these filters.</p>
        </EmptyState>
      ) : (
        <EmptyState icon={HistoryIcon} title="No activity yet">
          <p>
            Every change made on this master is recorded here: who made it, from which address, and whether it
            succeeded. Enlisting a target server, posting instructions or editing a job all appear in this log.
          </p>
        </EmptyState>
      )}
      <UrlPagination noun="entries" list={data} update={update} />
    </Card>
  )
}
