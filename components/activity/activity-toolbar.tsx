'use client'

import { ServerIcon, TagIcon, UserIcon } from 'lucide-react'
import { DateRangeFilter } from '@/components/data-table/date-range-filter'
import { ChoiceFilter, hasFilters, ResetFilters } from '@/components/data-table/filters'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import type { AuditListParams } from '@/lib/query/keys'

const RESULTS = [
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure' },
]

/** Every filter of the activity log, cleared. */
export const NO_ACTIVITY_FILTERS = {
  search: null,
  actor: null,
  action: null,
  target: null,
  result: null,
  from: null,
  to: null,
} satisfies UrlChanges

export function hasActivityFilters(query: AuditListParams) {
  return hasFilters(query, NO_ACTIVITY_FILTERS)
}

export function ActivityToolbar({
  query,
  onChange,
  children,
}: {
  query: AuditListParams
  onChange: (changes: UrlChanges) => void
  children?: React.ReactNode
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchInput
        label="Search activity"
        placeholder="Search objects and details…"
        value={query.search ?? ''}
        onChange={(search) => onChange({ search })}
        className="w-full sm:w-72"
      />
      <SearchInput
        label="Actor"
        icon={UserIcon}
        placeholder="Actor, e.g. admin"
        value={query.actor ?? ''}
        onChange={(actor) => onChange({ actor })}
        className="w-full sm:w-48"
      />
      <SearchInput
        label="Action"
        icon={TagIcon}
        placeholder="Action, e.g. target.enlist"
        value={query.action ?? ''}
        onChange={(action) => onChange({ action })}
        className="w-full sm:w-56"
      />
      <SearchInput
        label="Target server"
        icon={ServerIcon}
        placeholder="Target server, e.g. TSX1"
        value={query.target ?? ''}
        onChange={(target) => onChange({ target })}
        className="w-full sm:w-52"
      />
      <ChoiceFilter
        label="Result"
        all="All results"
        value={query.result}
        options={RESULTS}
        onChange={(result) => onChange({ result })}
        className="w-36"
      />
      <DateRangeFilter from={query.from} to={query.to} onChange={onChange} />
      <ResetFilters query={query} cleared={NO_ACTIVITY_FILTERS} onChange={onChange} />
      <div className="ml-auto flex items-center gap-3">{children}</div>
    </div>
  )
}
