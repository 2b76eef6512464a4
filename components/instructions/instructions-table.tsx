'use client'

import { InboxIcon, SearchXIcon } from 'lucide-react'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { DataTable } from '@/components/data-table/data-table'
import { ListError, ListLoading, PastLastPage } from '@/components/data-table/list-states'
import { LiveIndicator } from '@/components/data-table/live-indicator'
import { UrlPagination } from '@/components/data-table/url-pagination'
import { useUrlState } from '@/components/data-table/use-url-state'
import { useInstructionList } from '@/components/live/live-queries'
import { useLiveRefresh } from '@/components/live/refresh-context'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import type { InstructionRow } from '@/lib/msx/instructions'
import type { InstructionListParams } from '@/lib/query/keys'
import { instructionColumns } from './columns'
import { InstructionActions } from './instruction-actions'
import { hasInstructionFilters, InstructionsToolbar, NO_INSTRUCTION_FILTERS } from './instructions-toolbar'
import { StaleNotice } from './stale-notice'

type Selection = ReadonlyMap<number, InstructionRow>

function toggled(selection: Selection, rows: InstructionRow[], on: boolean): Selection {
  const next = new Map(selection)
  for (const row of rows) {
    if (on) next.set(row.id, row)
    else next.delete(row.id)
  }
  return next
}

/**
 * Manage Target Servers, tab Download Instructions: the download list, newest first, filtered and paged on the
 * server. `query` is the URL as the page read it; changing the URL renders the page again with the new one.
 */
export function InstructionsTable({
  query,
  abilities,
  gatewayPort,
}: {
  query: InstructionListParams
  abilities: { manage: Ability }
  gatewayPort: number
}) {
  const { update, isPending } = useUrlState()
  const live = useLiveRefresh()
  const { data, error, isFetching, dataUpdatedAt, refetch } = useInstructionList(query)
  const [selection, setSelection] = useState<Selection>(new Map())

  if (!data) return error ? <ListError error={error} onRetry={() => refetch()} /> : <ListLoading />
  // a selected row on this page acts with what the list says now, not what it said when it was ticked
  const onPage = new Map(data.rows.map((row) => [row.id, row]))
  const selected = [...selection.values()].map((row) => onPage.get(row.id) ?? row)

  return (
    <>
      <StaleNotice stale={data.stale} gatewayPort={gatewayPort} />
      <Card className="overflow-hidden">
        <div className="border-b p-3">
          <InstructionsToolbar query={query} onChange={update}>
            <LiveIndicator
              updatedAt={dataUpdatedAt}
              fetching={isFetching || isPending}
              intervalMs={live.intervalMs}
              error={error}
            />
          </InstructionsToolbar>
        </div>
        <div className="border-b px-3 py-2">
          <InstructionActions selected={selected} ability={abilities.manage} onDone={() => setSelection(new Map())} />
        </div>
        {data.rows.length > 0 ? (
          <DataTable
            label="Download instructions"
            columns={instructionColumns}
            rows={data.rows}
            rowKey={(row) => row.id}
            busy={isPending}
            selection={{
              isSelected: (row) => selection.has(row.id),
              onToggle: (row, on) => setSelection((now) => toggled(now, [row], on)),
              onToggleAll: (on) => setSelection((now) => toggled(now, data.rows, on)),
              label: (row) => `instruction ${row.id}: ${row.operation} to ${row.targetName}`,
              allLabel: 'Select all instructions on this page',
            }}
          />
        ) : data.total > 0 ? (
          <PastLastPage page={data.page} onFirstPage={() => update({ page: null })} />
        ) : hasInstructionFilters(query) ? (
          <EmptyState
            icon={SearchXIcon}
            title="No instructions match"
            action={
              <Button variant="outline" onClick={() => update(NO_INSTRUCTION_FILTERS)}>
                Clear filters
              </Button>
            }
          >
            <p>No download instruction matches these filters.</p>
          </EmptyState>
        ) : (
          <EmptyState icon={InboxIcon} title="No download instructions">
            <p>
              Instructions posted to target servers appear here: a job added, changed, started or deleted, a new polling
              interval, a clock synchronization or a defection. Each target downloads its own at its next poll.
            </p>
          </EmptyState>
        )}
        <UrlPagination noun="instructions" list={data} update={update} />
      </Card>
    </>
  )
}
