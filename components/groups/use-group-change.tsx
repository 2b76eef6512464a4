'use client'

import { type Outcome, useActionOutcome } from '@/components/forms/action-outcome'
import { groupKeys, targetKeys } from '@/lib/query/keys'

/** Runs a group action: member counts and each target's groups change together, so both lists refresh. */
export function useGroupChange() {
  return useActionOutcome([groupKeys.list(), targetKeys.lists()])
}

/** Always in the page, unlike the action bars' message: the group forms' first outcome is read out too. */
export function OutcomeMessage({ outcome }: { outcome: Outcome | null }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={outcome?.ok ? 'text-sm text-emerald-700 dark:text-emerald-400' : 'text-sm text-destructive'}
    >
      {outcome?.message ?? ''}
    </p>
  )
}
