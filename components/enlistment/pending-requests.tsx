'use client'

import { CheckIcon, XIcon } from 'lucide-react'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { DataTable } from '@/components/data-table/data-table'
import { useRowSelection } from '@/components/data-table/use-row-selection'
import { OutcomeMessage } from '@/components/forms/action-outcome'
import { useServerAction } from '@/components/forms/use-server-action'
import { usePendingRequests } from '@/components/live/live-queries'
import { Card } from '@/components/ui/card'
import { enlistRequestsAction, rejectRequestsAction } from './actions'
import { RejectDialog } from './reject-dialog'
import { requestColumns } from './request-columns'

/** Targets that asked to enlist without a token, waiting for Enlist or Reject; hidden while none waits. */
export function PendingRequests({ ability }: { ability: Ability }) {
  const { data } = usePendingRequests()
  const rows = data?.rows ?? []
  const selection = useRowSelection(rows.map((r) => r.name))
  const { run, pending, outcome } = useServerAction()
  const [rejecting, setRejecting] = useState(false)

  if (!data || data.total === 0) return <OutcomeMessage outcome={outcome} />
  const names = selection.selected
  const none = names.length === 0
  return (
    <Card className="overflow-hidden" aria-labelledby="pending-requests-title" role="region">
      <div className="flex flex-wrap items-center gap-2 border-b px-3 py-2">
        <h2 id="pending-requests-title" className="mr-2 text-sm font-semibold">
          Pending enlistment requests <span className="font-normal text-muted-foreground">({data.total})</span>
        </h2>
        <span className="text-sm text-muted-foreground" aria-live="polite">
          {none ? 'Select requests to decide on them.' : `${names.length} selected`}
        </span>
        <GuardedButton
          ability={ability}
          size="sm"
          disabled={none || pending}
          onClick={() => run(() => enlistRequestsAction({ names }), selection.clear)}
        >
          <CheckIcon aria-hidden />
          Enlist
        </GuardedButton>
        <GuardedButton
          ability={ability}
          size="sm"
          variant="outline"
          disabled={none || pending}
          onClick={() => setRejecting(true)}
        >
          <XIcon aria-hidden />
          Reject
        </GuardedButton>
        <RejectDialog
          names={names}
          open={rejecting}
          onOpenChange={setRejecting}
          onReject={(reason) => run(() => rejectRequestsAction({ names, reason }), selection.clear)}
        />
        <div className="basis-full empty:hidden">
          <OutcomeMessage outcome={outcome} />
        </div>
      </div>
      <DataTable
        label="Pending enlistment requests"
        columns={requestColumns}
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
          allLabel: 'Select all pending enlistment requests',
        }}
      />
      {data.total > rows.length && (
        <p className="border-t px-3 py-2 text-sm text-muted-foreground">
          Showing the {rows.length} oldest of {data.total} requests: decide on these to see the others.
        </p>
      )}
    </Card>
  )
}
