'use client'

import { XIcon } from 'lucide-react'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from '@/components/ui/select'
import { TARGET_STATUSES } from '@/lib/msx/status'
import type { TargetListParams } from '@/lib/query/keys'

const ALL = 'all'

export function hasTargetFilters(query: TargetListParams) {
  return Boolean(query.search || query.status || query.group)
}

export function TargetsToolbar({
  query,
  onChange,
  children,
}: {
  query: TargetListParams
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
      <Select
        value={query.status ?? ALL}
        onValueChange={(status) => onChange({ status: status === ALL ? null : status })}
      >
        <SelectTrigger aria-label="Status" className="w-48">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All statuses</SelectItem>
          <SelectSeparator />
          {TARGET_STATUSES.map((status) => (
            <SelectItem key={status} value={status}>
              {status}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {query.group && (
        <Badge variant="secondary" className="h-9 gap-1 pr-1 pl-3 text-sm font-normal">
          Group: <span className="font-medium">{query.group}</span>
          <Button
            variant="ghost"
            size="icon-sm"
            className="size-6"
            aria-label={`Remove group filter ${query.group}`}
            onClick={() => onChange({ group: null })}
          >
            <XIcon aria-hidden />
          </Button>
        </Badge>
      )}
      {hasTargetFilters(query) && (
        <Button variant="ghost" onClick={() => onChange({ search: null, status: null, group: null })}>
          Clear filters
        </Button>
      )}
      <div className="ml-auto">{children}</div>
    </div>
  )
}
