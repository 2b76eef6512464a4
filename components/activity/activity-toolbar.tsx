'use client'

import { ServerIcon, TagIcon, UserIcon, XIcon } from 'lucide-react'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import { Button } from '@/components/ui/button'
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from '@/components/ui/select'
import type { AuditListParams } from '@/lib/query/keys'
import { DateRangeFilter } from './date-range-filter'

const ANY_RESULT = 'any'

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
  return Boolean(query.search || query.actor || query.action || query.target || query.result || query.from || query.to)
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
      <Select
        value={query.result ?? ANY_RESULT}
        onValueChange={(result) => onChange({ result: result === ANY_RESULT ? null : result })}
      >
        <SelectTrigger aria-label="Result" className="w-36">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ANY_RESULT}>All results</SelectItem>
          <SelectSeparator />
          <SelectItem value="success">Success</SelectItem>
          <SelectItem value="failure">Failure</SelectItem>
        </SelectContent>
      </Select>
      <DateRangeFilter from={query.from} to={query.to} onChange={onChange} />
      {hasActivityFilters(query) && (
        <Button variant="ghost" onClick={() => onChange(NO_ACTIVITY_FILTERS)}>
          Reset
          <XIcon aria-hidden />
        </Button>
      )}
      <div className="ml-auto flex items-center gap-3">{children}</div>
    </div>
  )
}
