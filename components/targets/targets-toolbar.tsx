'use client'

import { XIcon } from 'lucide-react'
import { ChoiceFilter, hasFilters, ResetFilters } from '@/components/data-table/filters'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from '@/components/ui/select'
import { sameName } from '@/lib/msx/names'
import { TARGET_STATUSES } from '@/lib/msx/status'
import type { TargetListParams } from '@/lib/query/keys'

const ALL = 'all'

/** Every filter of the target list, cleared. */
const NO_TARGET_FILTERS = { search: null, status: null, group: null } satisfies UrlChanges

export function hasTargetFilters(query: TargetListParams) {
  return hasFilters(query, NO_TARGET_FILTERS)
}

const statusOptions = TARGET_STATUSES.map((status) => ({ value: status, label: status }))

/** The group filter: a list of the master's groups; a group named only in the URL still shows, and can be removed. */
function GroupFilter({
  groups,
  value,
  onChange,
}: {
  groups: string[]
  value: string | undefined
  onChange: (group: string | null) => void
}) {
  if (groups.length === 0)
    return value ? (
      <Badge variant="secondary" className="h-9 gap-1 pr-1 pl-3 text-sm font-normal">
        Group: <span className="font-medium">{value}</span>
        <Button
          variant="ghost"
          size="icon-sm"
          className="size-6"
          aria-label={`Remove group filter ${value}`}
          onClick={() => onChange(null)}
        >
          <XIcon aria-hidden />
        </Button>
      </Badge>
    ) : null
  const selected = value ? (groups.find((g) => sameName(g, value)) ?? value) : ALL
  const options = value && !groups.includes(selected) ? [...groups, selected] : groups
  return (
    <Select value={selected} onValueChange={(group) => onChange(group === ALL ? null : group)}>
      <SelectTrigger aria-label="Group" className="w-44">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>All groups</SelectItem>
        <SelectSeparator />
        {options.map((group) => (
          <SelectItem key={group} value={group}>
            {group}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  )
}

export function TargetsToolbar({
  query,
  groups,
  onChange,
  children,
}: {
  query: TargetListParams
  groups: string[]
  onChange: (changes: UrlChanges) => void
  children?: React.ReactNode
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchInput
        label="Search target servers"
        placeholder="Search name or location…"
        value={query.search ?? ''}
        onChange={(search) => onChange({ search })}
        className="w-full sm:w-72"
      />
      <ChoiceFilter
        label="Status"
        all="All statuses"
        value={query.status}
        options={statusOptions}
        onChange={(status) => onChange({ status })}
        className="w-48"
      />
      <GroupFilter groups={groups} value={query.group} onChange={(group) => onChange({ group })} />
      <ResetFilters query={query} cleared={NO_TARGET_FILTERS} onChange={onChange} />
      <div className="ml-auto">{children}</div>
    </div>
  )
}
