'use client'

import { BriefcaseIcon, ServerIcon, XIcon } from 'lucide-react'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import { Button } from '@/components/ui/button'
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from '@/components/ui/select'
import { INSTRUCTION_OPERATIONS, INSTRUCTION_STATUSES } from '@/lib/msx/instruction-status'
import type { InstructionListParams } from '@/lib/query/keys'
import { PostedAfterFilter } from './posted-after-filter'
import { statusLabel } from './status-badge'

const ALL = 'all'

/** Every filter of the download list, cleared. */
export const NO_INSTRUCTION_FILTERS = {
  target: null,
  job: null,
  status: null,
  operation: null,
  postedAfter: null,
} satisfies UrlChanges

export function hasInstructionFilters(query: InstructionListParams) {
  return Boolean(query.target || query.job || query.status || query.operation || query.postedAfter)
}

function Choice({
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

const statusOptions = INSTRUCTION_STATUSES.map((value) => ({ value, label: statusLabel(value) }))
const operationOptions = INSTRUCTION_OPERATIONS.map((value) => ({ value, label: value }))

export function InstructionsToolbar({
  query,
  onChange,
  children,
}: {
  query: InstructionListParams
  onChange: (changes: UrlChanges) => void
  children?: React.ReactNode
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchInput
        label="Target server"
        icon={ServerIcon}
        placeholder="Target server, e.g. TSX1"
        value={query.target ?? ''}
        onChange={(target) => onChange({ target })}
        className="w-full sm:w-52"
      />
      <SearchInput
        label="Job"
        icon={BriefcaseIcon}
        placeholder="Job name"
        value={query.job ?? ''}
        onChange={(job) => onChange({ job })}
        className="w-full sm:w-52"
      />
      <Choice
        label="Status"
        all="All statuses"
        value={query.status}
        options={statusOptions}
        onChange={(status) => onChange({ status })}
        className="w-36"
      />
      <Choice
        label="Operation"
        all="All operations"
        value={query.operation}
        options={operationOptions}
        onChange={(operation) => onChange({ operation })}
        className="w-40"
      />
      <PostedAfterFilter value={query.postedAfter} onChange={(postedAfter) => onChange({ postedAfter })} />
      {hasInstructionFilters(query) && (
        <Button variant="ghost" onClick={() => onChange(NO_INSTRUCTION_FILTERS)}>
          Reset
          <XIcon aria-hidden />
        </Button>
      )}
      <div className="ml-auto">{children}</div>
    </div>
  )
}
