'use client'

import { XIcon } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from '@/components/ui/select'
import type { UrlChanges } from './use-url-state'

// not a value any filter offers (a window filter offers "all")
const ALL = '(no filter)'

/** A filter by one of a few values, or "all" of them (no filter in the URL). */
export function ChoiceFilter({
  label,
  all,
  value,
  options,
  onChange,
  className,
}: {
  label: string
  all: string
  value: string | undefined
  options: readonly { value: string; label: string }[]
  onChange: (value: string | null) => void
  className: string
}) {
  return (
    <Select value={value ?? ALL} onValueChange={(next) => onChange(next === ALL ? null : next)}>
      <SelectTrigger aria-label={label} className={className}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{all}</SelectItem>
        <SelectSeparator />
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  )
}

/** Whether the query sets any of the filters that `cleared` clears. */
export function hasFilters(query: object, cleared: UrlChanges): boolean {
  const values = query as Record<string, unknown>
  return Object.keys(cleared).some((key) => Boolean(values[key]))
}

/** Reset, shown while a filter is set: clears every one of them. */
export function ResetFilters({
  query,
  cleared,
  onChange,
}: {
  query: object
  cleared: UrlChanges
  onChange: (changes: UrlChanges) => void
}) {
  if (!hasFilters(query, cleared)) return null
  return (
    <Button variant="ghost" onClick={() => onChange(cleared)}>
      Reset
      <XIcon aria-hidden />
    </Button>
  )
}
