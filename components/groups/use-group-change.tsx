'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useState, useTransition } from 'react'
import { groupKeys, targetKeys } from '@/lib/query/keys'

export type Outcome = { ok: boolean; message: string }

/**
 * Runs a group action, keeps what it reported, and on success refreshes the group list and the target lists
 * (member counts and each target's groups change together).
 */
export function useGroupChange() {
  const queryClient = useQueryClient()
  const [pending, start] = useTransition()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const run = (action: () => Promise<Outcome>, onSuccess?: () => void) =>
    start(async () => {
      const result = await action()
      setOutcome(result)
      if (!result.ok) return
      onSuccess?.()
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: groupKeys.list() }),
        queryClient.invalidateQueries({ queryKey: targetKeys.lists() }),
      ])
    })
  return { run, pending, outcome }
}

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
