'use client'

import { SearchXIcon } from 'lucide-react'
import type { Ability } from '@/components/auth/ability'
import { ColumnChooser } from '@/components/data-table/column-chooser'
import { DataTable } from '@/components/data-table/data-table'
import { ListError, ListLoading, PastLastPage } from '@/components/data-table/list-states'
import { LiveIndicator } from '@/components/data-table/live-indicator'
import { UrlPagination } from '@/components/data-table/url-pagination'
import { useHiddenColumns } from '@/components/data-table/use-hidden-columns'
import { useUrlState } from '@/components/data-table/use-url-state'
import { useTargetList } from '@/components/live/live-queries'
import { useLiveRefresh } from '@/components/live/refresh-context'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import type { TargetListParams } from '@/lib/query/keys'
import type { TargetAbilities } from './abilities'
import { AutoRefresh } from './auto-refresh'
import { TARGET_COLUMNS_HIDDEN_BY_DEFAULT, TARGET_COLUMNS_TABLE } from './column-choice'
import { targetColumns } from './columns'
import type { EnlistHints } from './enlist-command'
import { FirstTargetGuide } from './first-target-guide'
import type { PostableOperation } from './instruction-types'
import { SelectionBanner } from './selection-banner'
import { TargetActions } from './target-actions'
import { hasTargetFilters, TargetsToolbar } from './targets-toolbar'
import { useTargetSelection } from './use-target-selection'

/**
 * Manage Target Servers, tab Target Server Status: the fleet, filtered, sorted and paged on the server.
 * `query` is the URL as the page read it; changing the URL renders the page again with the new one.
 */
export function TargetsTable({
  query,
  groups,
  hints,
  abilities,
  postAbilities,
  jobs,
  hiddenColumns,
}: {
  query: TargetListParams
  /** the columns this browser hides, as its cookie says; null for the defaults */
  hiddenColumns: string[] | null
  abilities: TargetAbilities
  /** the instruction types this user may post */
  postAbilities: Record<PostableOperation, Ability>
  /** the master's job names, for Start job and Stop job */
  jobs: string[]
  /** the master's target server group names, for the group filter */
  groups: string[]
  hints: EnlistHints
}) {
  const { update, isPending } = useUrlState()
  const { preferences: refresh, setPreferences: setRefresh, intervalMs: refreshMs } = useLiveRefresh()
  const { data, error, isFetching, dataUpdatedAt, refetch } = useTargetList(query)
  const filtered = hasTargetFilters(query)
  const selection = useTargetSelection(query, data?.rows ?? [], data?.total ?? 0)
  const columnChoice = useHiddenColumns(TARGET_COLUMNS_TABLE, TARGET_COLUMNS_HIDDEN_BY_DEFAULT, hiddenColumns)

  if (!data) return error ? <ListError error={error} onRetry={() => refetch()} /> : <ListLoading />
  if (data.total === 0 && !filtered) return <FirstTargetGuide hints={hints} tokens={abilities.createToken} />

  return (
    <Card className="overflow-hidden">
      <div className="border-b p-3">
        <TargetsToolbar query={query} groups={groups} onChange={update}>
          <LiveIndicator
            updatedAt={dataUpdatedAt}
            fetching={isFetching || isPending}
            intervalMs={refreshMs}
            error={error}
          />
        </TargetsToolbar>
      </div>
      <div className="border-b px-3 py-2">
        <TargetActions
          selection={selection}
          abilities={abilities}
          postAbilities={postAbilities}
          groups={groups}
          jobs={jobs}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2 border-b px-3 py-2">
        <AutoRefresh value={refresh} onChange={setRefresh} />
        <div className="ml-auto">
          <ColumnChooser columns={targetColumns} choice={columnChoice} />
        </div>
      </div>
      <SelectionBanner selection={selection} pageRows={data.rows.length} total={data.total} />
      {data.rows.length > 0 ? (
        <DataTable
          label="Target servers"
          columns={targetColumns.filter((column) => !columnChoice.hidden.has(column.id))}
          rows={data.rows}
          rowKey={(row) => row.id}
          sort={{ sort: query.sort, dir: query.dir }}
          onSort={({ sort, dir }) => update({ sort, dir })}
          busy={isPending}
          selection={{
            isSelected: selection.isSelected,
            onToggle: selection.toggle,
            onToggleAll: selection.togglePage,
            label: (row) => row.name,
            allLabel: 'Select all target servers on this page',
          }}
        />
      ) : data.total === 0 ? (
        <EmptyState
          icon={SearchXIcon}
          title="No target servers match"
          action={
            <Button variant="outline" onClick={() => update({ search: null, status: null, group: null })}>
              Clear filters
            </Button>
          }
        >
          <p>
            No target server matches
            {query.search && (
              <>
                {' '}
                “<span className="font-medium text-foreground">{query.search}</span>”
              </>
            )}
            {query.status && (
              <>
                {' '}
                with status <span className="font-medium text-foreground">{query.status}</span>
              </>
            )}
            {query.group && (
              <>
                {' '}
                in group <span className="font-medium text-foreground">{query.group}</span>
              </>
            )}
            .
          </p>
        </EmptyState>
      ) : (
        <PastLastPage page={data.page} onFirstPage={() => update({ page: null })} />
      )}
      <UrlPagination noun="target servers" list={data} update={update} />
    </Card>
  )
}
