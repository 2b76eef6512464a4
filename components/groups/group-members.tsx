'use client'

import { UserMinusIcon } from 'lucide-react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { DataTable } from '@/components/data-table/data-table'
import { ListError, ListLoading } from '@/components/data-table/list-states'
import { SearchInput } from '@/components/data-table/search-input'
import { UrlPagination } from '@/components/data-table/url-pagination'
import { useRowSelection } from '@/components/data-table/use-row-selection'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import { FormMessage } from '@/components/forms/field'
import { useServerAction } from '@/components/forms/use-server-action'
import { useTargetList } from '@/components/live/live-queries'
import { StatusBadge } from '@/components/targets/status-badge'
import { Card } from '@/components/ui/card'
import type { TargetRow } from '@/lib/msx/target-list'
import type { TargetListParams } from '@/lib/query/keys'
import { addMembersAction, removeMembersAction } from './actions'
import { AddMembersDialog } from './add-members-dialog'

const columns = [
  {
    id: 'name',
    header: 'Target server',
    rowHeader: true,
    cell: (r: TargetRow) => <span className="font-medium">{r.name}</span>,
  },
  { id: 'location', header: 'Location', cell: (r: TargetRow) => r.location || '—' },
  { id: 'status', header: 'Status', cell: (r: TargetRow) => <StatusBadge status={r.status} reason={r.statusReason} /> },
]

/** A group's members, searched and paged on the server; add or remove many at once. */
export function GroupMembers({
  query,
  ability,
  onChange,
}: {
  query: TargetListParams & { group: string }
  ability: Ability
  onChange: (changes: UrlChanges) => void
}) {
  const group = query.group
  const { data, error, refetch } = useTargetList(query)
  const rows = data?.rows ?? []
  const selection = useRowSelection(rows.map((r) => r.name))
  const { run, pending, outcome } = useServerAction()
  const names = selection.selected
  return (
    <Card className="overflow-hidden" role="region" aria-labelledby="group-members-title">
      <div className="flex flex-wrap items-center gap-2 border-b p-3">
        <h2 id="group-members-title" className="mr-auto text-base font-semibold">
          Members of {group}
        </h2>
        <SearchInput
          label="Search members"
          placeholder="Search name or location…"
          value={query.search ?? ''}
          onChange={(search) => onChange({ search })}
          className="w-full sm:w-60"
        />
        <AddMembersDialog
          group={group}
          ability={ability}
          pending={pending}
          onAdd={(add) => run(() => addMembersAction({ group, names: add }))}
        />
        <GuardedButton
          ability={ability}
          size="sm"
          variant="outline"
          disabled={names.length === 0 || pending}
          onClick={() => run(() => removeMembersAction({ group, names }), selection.clear)}
        >
          <UserMinusIcon aria-hidden />
          Remove from group{names.length > 0 ? ` (${names.length})` : ''}
        </GuardedButton>
        <div className="basis-full">
          <FormMessage state={outcome} />
        </div>
      </div>
      {!data ? (
        error ? (
          <ListError error={error} onRetry={() => refetch()} />
        ) : (
          <ListLoading />
        )
      ) : rows.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-muted-foreground">
          {query.search ? `No member of ${group} matches “${query.search}”.` : `${group} has no members yet.`}
        </p>
      ) : (
        <DataTable
          label={`Members of ${group}`}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.id}
          selection={{
            isSelected: (row) => selection.has(row.name),
            onToggle: (row, on) => selection.toggle([row.name], on),
            onToggleAll: (on) =>
              selection.toggle(
                rows.map((r) => r.name),
                on,
              ),
            label: (row) => row.name,
            allLabel: `Select all members of ${group} on this page`,
          }}
        />
      )}
      {data && data.total > 0 && <UrlPagination noun="members" list={data} update={onChange} />}
    </Card>
  )
}
