'use client'

// SSMS's two lists: pending enlistment requests on the left, the target servers chosen to enlist on the right,
// moved with > >> < <<. Live: a request that arrives while the page is open appears by itself.
import { useId, useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { countOf } from '@/components/format/counts'
import { OutcomeMessage } from '@/components/forms/action-outcome'
import { useServerAction } from '@/components/forms/use-server-action'
import { useWizardRequests } from '@/components/live/live-queries'
import type { WizardRequestList, WizardRequestRow } from '@/lib/msx/wizard-requests'
import { chooseWizardRequestsAction } from './actions'

const requestLabel = (r: WizardRequestRow) =>
  [r.name, r.location, `agent ${r.agentVersion}`, r.sourceAddress].filter(Boolean).join(' · ')

function RequestList({
  label,
  list,
  selected,
  onSelect,
  empty,
}: {
  label: string
  list: WizardRequestList | undefined
  selected: string[]
  onSelect: (names: string[]) => void
  empty: string
}) {
  const id = useId()
  const rows = list?.rows ?? []
  return (
    <div className="grid min-w-0 content-start gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}{' '}
        <span className="font-normal text-muted-foreground">({(list?.total ?? 0).toLocaleString('en-US')})</span>
      </label>
      <select
        id={id}
        multiple
        size={8}
        value={selected.filter((n) => rows.some((r) => r.name === n))}
        onChange={(e) => onSelect([...e.target.selectedOptions].map((o) => o.value))}
        className="min-h-40 w-full rounded-md border border-input bg-background p-1 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 [&>option]:rounded-sm [&>option]:px-2 [&>option]:py-1"
      >
        {rows.map((r) => (
          <option key={r.name} value={r.name} title={requestLabel(r)}>
            {requestLabel(r)}
          </option>
        ))}
      </select>
      <p className="text-xs text-muted-foreground">
        {rows.length === 0
          ? empty
          : list && list.total > rows.length
            ? `The first ${rows.length} of ${countOf(list.total, 'request')} are shown; the double arrows move all of them.`
            : 'Ctrl or Shift selects several.'}
      </p>
    </div>
  )
}

export function RequestPicker({ ability }: { ability: Ability }) {
  const { data } = useWizardRequests()
  const { run, pending, outcome } = useServerAction()
  const [left, setLeft] = useState<string[]>([])
  const [right, setRight] = useState<string[]>([])
  const move = (chosen: boolean, names?: string[]) =>
    run(
      () => chooseWizardRequestsAction({ chosen, names }),
      () => (chosen ? setLeft([]) : setRight([])),
    )
  const available = data?.available.total ?? 0
  const chosen = data?.chosen.total ?? 0
  const arrow = (text: string, label: string, disabled: boolean, onClick: () => void) => (
    <GuardedButton ability={ability} variant="outline" size="sm" disabled={pending || disabled} onClick={onClick}>
      <span aria-hidden className="font-mono">
        {text}
      </span>
      <span className="sr-only">{label}</span>
    </GuardedButton>
  )
  return (
    <div className="grid gap-3">
      <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] md:items-center">
        <RequestList
          label="Pending enlistment requests"
          list={data?.available}
          selected={left}
          onSelect={setLeft}
          empty="None waiting. An agent run without a token (msx-agent enlist) appears here by itself."
        />
        <fieldset className="flex justify-center gap-2 md:flex-col">
          <legend className="sr-only">Move requests</legend>
          {arrow('>', 'Add the selected requests', left.length === 0, () => move(true, left))}
          {arrow('>>', 'Add all pending requests', available === 0, () => move(true))}
          {arrow('<', 'Remove the selected target servers', right.length === 0, () => move(false, right))}
          {arrow('<<', 'Remove all selected target servers', chosen === 0, () => move(false))}
        </fieldset>
        <RequestList
          label="Selected target servers"
          list={data?.chosen}
          selected={right}
          onSelect={setRight}
          empty="None selected yet: choose requests on the left and press >."
        />
      </div>
      <div aria-live="polite">
        <OutcomeMessage outcome={outcome} />
      </div>
    </div>
  )
}
