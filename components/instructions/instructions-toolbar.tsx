'use client'

import { BriefcaseIcon, ServerIcon } from 'lucide-react'
import { ChoiceFilter, hasFilters, ResetFilters } from '@/components/data-table/filters'
import { SearchInput } from '@/components/data-table/search-input'
import type { UrlChanges } from '@/components/data-table/use-url-state'
import { INSTRUCTION_OPERATIONS, INSTRUCTION_STATUSES } from '@/lib/msx/instruction-status'
import type { InstructionListParams } from '@/lib/query/keys'
import { PostedAfterFilter } from './posted-after-filter'
import { statusLabel } from './status-badge'

/** Every filter of the download list, cleared. */
export const NO_INSTRUCTION_FILTERS = {
  target: null,
  job: null,
  status: null,
  operation: null,
  postedAfter: null,
} satisfies UrlChanges

export function hasInstructionFilters(query: InstructionListParams) {
  return hasFilters(query, NO_INSTRUCTION_FILTERS)
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
      <ChoiceFilter
        label="Status"
        all="All statuses"
        value={query.status}
        options={statusOptions}
        onChange={(status) => onChange({ status })}
        className="w-36"
      />
      <ChoiceFilter
        label="Operation"
        all="All operations"
        value={query.operation}
        options={operationOptions}
        onChange={(operation) => onChange({ operation })}
        className="w-40"
      />
      <PostedAfterFilter value={query.postedAfter} onChange={(postedAfter) => onChange({ postedAfter })} />
      <ResetFilters query={query} cleared={NO_INSTRUCTION_FILTERS} onChange={onChange} />
      <div className="ml-auto">{children}</div>
    </div>
  )
}
