'use client'

import { TagIcon, UserIcon, XIcon } from 'lucide-react'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import { Button } from '@/components/ui/button'
import type { AuditListParams } from '@/lib/query/keys'

export function hasActivityFilters(query: AuditListParams) {
  return Boolean(query.search || query.actor || query.action)
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
      {hasActivityFilters(query) && (
        <Button variant="ghost" onClick={() => onChange({ search: null, actor: null, action: null })}>
          Reset
          <XIcon aria-hidden />
        </Button>
      )}
      <div className="ml-auto">{children}</div>
    </div>
  )
}
