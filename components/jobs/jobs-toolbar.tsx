'use client'

import { ChoiceFilter, hasFilters, ResetFilters } from '@/components/data-table/filters'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import type { JobListParams } from '@/lib/query/keys'

/** Every filter of the jobs list, cleared. */
const NO_JOB_FILTERS = { search: null, category: null, enabled: null, outcome: null } satisfies UrlChanges

export function hasJobFilters(query: JobListParams) {
  return hasFilters(query, NO_JOB_FILTERS)
}

const enabledOptions = [
  { value: 'yes', label: 'Enabled' },
  { value: 'no', label: 'Disabled' },
]
const outcomeOptions = [
  { value: 'failed', label: 'Failed on any target' },
  { value: 'running', label: 'Running' },
  { value: 'never', label: 'Never run' },
  { value: 'missed', label: 'Missed runs (24 h)' },
]

export function JobsToolbar({
  query,
  categories,
  onChange,
  children,
}: {
  query: JobListParams
  categories: string[]
  onChange: (changes: UrlChanges) => void
  children?: React.ReactNode
}) {
  const categoryOptions = [...new Set([...categories, ...(query.category ? [query.category] : [])])].map((c) => ({
    value: c,
    label: c,
  }))
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchInput
        label="Search jobs"
        placeholder="Search name or description…"
        value={query.search ?? ''}
        onChange={(search) => onChange({ search })}
        className="w-full sm:w-72"
      />
      <ChoiceFilter
        label="Category"
        all="All categories"
        value={query.category}
        options={categoryOptions}
        onChange={(category) => onChange({ category })}
        className="w-56"
      />
      <ChoiceFilter
        label="Enabled"
        all="Enabled or not"
        value={query.enabled}
        options={enabledOptions}
        onChange={(enabled) => onChange({ enabled })}
        className="w-40"
      />
      <ChoiceFilter
        label="Outcome"
        all="Any outcome"
        value={query.outcome}
        options={outcomeOptions}
        onChange={(outcome) => onChange({ outcome })}
        className="w-48"
      />
      <ResetFilters query={query} cleared={NO_JOB_FILTERS} onChange={onChange} />
      <div className="ml-auto">{children}</div>
    </div>
  )
}
