'use client'

// Running now: every job run in progress across the fleet, live, filtered and paged on the server, with Stop.
import { ActivityIcon, SearchXIcon } from 'lucide-react'
import { useMemo } from 'react'
import type { Ability } from '@/components/auth/ability'
import { DataTable } from '@/components/data-table/data-table'
import { ListError, ListLoading, PastLastPage } from '@/components/data-table/list-states'
import { LiveIndicator } from '@/components/data-table/live-indicator'
import { UrlPagination } from '@/components/data-table/url-pagination'
import { useRowSelection } from '@/components/data-table/use-row-selection'
import { useUrlState } from '@/components/data-table/use-url-state'
import { useRunningList } from '@/components/live/live-queries'
import { useLiveRefresh } from '@/components/live/refresh-context'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import type { RunningParams } from '@/lib/query/keys'
import { runningColumns } from './running-columns'
import { hasRunningFilters, NO_RUNNING_FILTERS, RunningToolbar } from './running-toolbar'
import { StopRuns } from './stop-runs'

export function RunningTable({ query, stop }: { query: RunningParams; stop: Ability }) {
  const { update, isPending } = useUrlState()
  const { intervalMs } = useLiveRefresh()
  const { data, error, isFetching, dataUpdatedAt, refetch } = useRunningList(query)
  const rows = data?.rows ?? []
  const selection = useRowSelection(rows.map((r) => r.runId))
  const columns = useMemo(() => runningColumns(dataUpdatedAt), [dataUpdatedAt])
  const chosen = rows.filter((r) => selection.selected.includes(r.runId)).map((r) => ({ job: r.job, target: r.target }))

  if (!data) return error ? <ListError error={error} onRetry={() => refetch()} /> : <ListLoading />
  return (
    <Card className="overflow-hidden">
      <div className="border-b p-3">
        <RunningToolbar query={query} onChange={update}>
          <LiveIndicator
            updatedAt={dataUpdatedAt}
            fetching={isFetching || isPending}
            intervalMs={intervalMs}
            error={error}
          />
        </RunningToolbar>
      </div>
      <div className="border-b px-3 py-2">
        <StopRuns runs={chosen} ability={stop} onDone={() => selection.clear()} />
      </div>
      {data.rows.length > 0 ? (
        <DataTable
          label="Runs in progress"
          columns={columns}
          rows={data.rows}
          rowKey={(run) => run.runId}
          busy={isPending}
          selection={{
            isSelected: (run) => selection.has(run.runId),
            onToggle: (run, on) => selection.toggle([run.runId], on),
            onToggleAll: (on) =>
              selection.toggle(
                data.rows.map((r) => r.runId),
                on,
              ),
            label: (run) => `${run.job} on ${run.target}`,
            allLabel: 'Select all runs on this page',
          }}
        />
      ) : data.total > 0 ? (
        <PastLastPage page={data.page} onFirstPage={() => update({ page: null })} />
      ) : hasRunningFilters(query) ? (
        <EmptyState
          icon={SearchXIcon}
          title="No run in progress matches"
          action={
            <Button variant="outline" onClick={() => update(NO_RUNNING_FILTERS)}>
              Clear filters
            </Button>
          }
        >
          <p>No job run in progress matches these filters; runs that match will show here as they start.</p>
        </EmptyState>
      ) : (
        <EmptyState icon={ActivityIcon} title="No job is running">
          <p>
            No multiserver job is running on any target server now. A run shows here from its start until it ends, on
            the step it is on, as its target reports it.
          </p>
        </EmptyState>
      )}
      <UrlPagination noun="runs" list={data} update={update} />
    </Card>
  )
}
