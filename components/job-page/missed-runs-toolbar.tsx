'use client'

import { ChoiceFilter, ResetFilters } from '@/components/data-table/filters'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import { MISSED_REASON_LABELS, MISSED_REASONS } from '@/lib/msx/missed-run-words'

const NO_MISSED_FILTERS = { target: null, reason: null, window: null } satisfies UrlChanges

const reasons = MISSED_REASONS.map((value) => ({ value, label: MISSED_REASON_LABELS[value] }))
const windows = [
  { value: 'week', label: 'Last 7 days' },
  { value: 'all', label: 'All kept' },
]

export function MissedRunsToolbar({
  query,
  targets,
  onChange,
}: {
  query: { target?: string; reason?: string; window: string }
  targets: string[]
  onChange: (changes: UrlChanges) => void
}) {
  const shown = {
    target: query.target,
    reason: query.reason,
    window: query.window === 'day' ? undefined : query.window,
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ChoiceFilter
        label="Target server"
        all="Every target server"
        value={query.target}
        options={[...new Set([...targets, ...(query.target ? [query.target] : [])])].map((t) => ({
          value: t,
          label: t,
        }))}
        onChange={(target) => onChange({ target })}
        className="w-full sm:w-56"
      />
      <ChoiceFilter
        label="Reason"
        all="Any reason"
        value={query.reason}
        options={reasons}
        onChange={(reason) => onChange({ reason })}
        className="w-52"
      />
      <ChoiceFilter
        label="Window"
        all="Last 24 hours"
        value={shown.window}
        options={windows}
        onChange={(window) => onChange({ window })}
        className="w-40"
      />
      <ResetFilters query={shown} cleared={NO_MISSED_FILTERS} onChange={onChange} />
    </div>
  )
}
