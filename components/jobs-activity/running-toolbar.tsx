'use client'

// Running now's filters: part of the job's name, part of the target's, and runs longer than usual only.
import { ChoiceFilter, hasFilters, ResetFilters } from '@/components/data-table/filters'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import type { RunningParams } from '@/lib/query/keys'

export const NO_RUNNING_FILTERS = { job: null, target: null, longer: null } satisfies UrlChanges

export function hasRunningFilters(query: RunningParams) {
  return hasFilters(query, NO_RUNNING_FILTERS)
}

const longerOptions = [{ value: 'yes', label: 'Longer than usual' }]

export function RunningToolbar({
  query,
  onChange,
  children,
}: {
  query: RunningParams
  onChange: (changes: UrlChanges) => void
  children?: React.ReactNode
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchInput
        label="Filter by job"
        placeholder="Job…"
        value={query.job ?? ''}
        onChange={(job) => onChange({ job })}
        className="w-full sm:w-56"
      />
      <SearchInput
        label="Filter by target server"
        placeholder="Target server…"
        value={query.target ?? ''}
        onChange={(target) => onChange({ target })}
        className="w-full sm:w-56"
      />
      <ChoiceFilter
        label="Duration"
        all="Any duration"
        value={query.longer}
        options={longerOptions}
        onChange={(longer) => onChange({ longer })}
        className="w-48"
      />
      <ResetFilters query={query} cleared={NO_RUNNING_FILTERS} onChange={onChange} />
      <div className="ml-auto">{children}</div>
    </div>
  )
}
