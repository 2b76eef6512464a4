'use client'

import { DateRangeFilter } from '@/components/data-table/date-range-filter'
import { ChoiceFilter, ResetFilters } from '@/components/data-table/filters'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'

const NO_RUN_FILTERS = { target: null, group: null, outcome: null, from: null, to: null } satisfies UrlChanges

const outcomes = [
  { value: 'failed', label: 'Failed' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'retry', label: 'Retry' },
  { value: 'canceled', label: 'Canceled' },
]

export function HistoryToolbar({
  query,
  groups,
  onChange,
}: {
  query: { target?: string; group?: string; outcome?: string; from?: string; to?: string }
  /** the groups the job's targets are in */
  groups: string[]
  onChange: (changes: UrlChanges) => void
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchInput
        label="Target server"
        placeholder="Target server…"
        value={query.target ?? ''}
        onChange={(target) => onChange({ target })}
        className="w-full sm:w-56"
      />
      {groups.length > 0 && (
        <ChoiceFilter
          label="Group"
          all="Any group"
          value={query.group}
          options={groups.map((group) => ({ value: group, label: group }))}
          onChange={(group) => onChange({ group })}
          className="w-44"
        />
      )}
      <ChoiceFilter
        label="Outcome"
        all="Any outcome"
        value={query.outcome}
        options={outcomes}
        onChange={(outcome) => onChange({ outcome })}
        className="w-40"
      />
      <DateRangeFilter from={query.from} to={query.to} onChange={onChange} />
      <ResetFilters query={query} cleared={NO_RUN_FILTERS} onChange={onChange} />
    </div>
  )
}
