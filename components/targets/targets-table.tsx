'use client'

import { useQuery } from '@tanstack/react-query'
import { SearchXIcon } from 'lucide-react'
import { useState } from 'react'
import { DataTable } from '@/components/data-table/data-table'
import { DataTablePagination } from '@/components/data-table/data-table-pagination'
import { ListError, ListLoading, PastLastPage } from '@/components/data-table/list-states'
import { LiveIndicator } from '@/components/data-table/live-indicator'
import { useUrlState } from '@/components/data-table/use-url-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import type { TargetListParams } from '@/lib/query/keys'
import { LIVE_REFRESH_MS, targetListOptions } from '@/lib/query/lists'
import type { TargetAbilities } from './abilities'
import { targetColumns } from './columns'
import { type EnlistHints, FirstTargetGuide } from './first-target-guide'
import { TargetActions } from './target-actions'
import { hasTargetFilters, TargetsToolbar } from './targets-toolbar'

function toggled(set: ReadonlySet<string>, names: string[], on: boolean): ReadonlySet<string> {
  const next = new Set(set)
  for (const name of names) {
    if (on) next.add(name)
    else next.delete(name)
  }
  return next
}

/**
 * Manage Target Servers, tab Target Server Status: the fleet, filtered, sorted and paged on the server.
 * `query` is the URL as the page read it; changing the URL renders the page again with the new one.
 */
export function TargetsTable({
  query,
  groups,
  hints,
  abilities,
}: {
  query: TargetListParams
  abilities: TargetAbilities
  /** the master's target server group names, for the group filter */
  groups: string[]
  hints: EnlistHints
}) {
  const { update, isPending } = useUrlState()
  const { data, error, isFetching, dataUpdatedAt, refetch } = useQuery(targetListOptions(query))
  const filtered = hasTargetFilters(query)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())

  if (!data) return error ? <ListError error={error} onRetry={() => refetch()} /> : <ListLoading />
  if (data.total === 0 && !filtered) return <FirstTargetGuide hints={hints} tokens={abilities.createToken} />

  return (
    <Card className="overflow-hidden">
      <div className="border-b p-3">
        <TargetsToolbar query={query} groups={groups} onChange={update}>
          <LiveIndicator
            updatedAt={dataUpdatedAt}
            fetching={isFetching || isPending}
            intervalMs={LIVE_REFRESH_MS}
            error={error}
          />
        </TargetsToolbar>
      </div>
      <div className="border-b px-3 py-2">
        <TargetActions selected={[...selected]} abilities={abilities} onDone={() => setSelected(new Set())} />
      </div>
      {data.rows.length > 0 ? (
        <DataTable
          label="Target servers"
          columns={targetColumns}
          rows={data.rows}
          rowKey={(row) => row.id}
          sort={{ sort: query.sort, dir: query.dir }}
          onSort={({ sort, dir }) => update({ sort, dir })}
          busy={isPending}
          selection={{
            isSelected: (row) => selected.has(row.name),
            onToggle: (row, on) => setSelected((now) => toggled(now, [row.name], on)),
            onToggleAll: (on) =>
              setSelected((now) =>
                toggled(
                  now,
                  data.rows.map((row) => row.name),
                  on,
                ),
              ),
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
      <div className="border-t p-3">
        <DataTablePagination
          noun="target servers"
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onPage={(page) => update({ page: page === 1 ? null : page })}
          onPageSize={(pageSize) => update({ pageSize })}
        />
      </div>
    </Card>
  )
}
