'use client'

import { type QueryKey, useQueryClient } from '@tanstack/react-query'
import { useState, useTransition } from 'react'

export type Outcome = { ok: boolean; message: string }

/**
 * Runs a server action, keeps the sentence it answered, and on success does what the caller asks (clear a
 * selection, close a form) and refreshes the views the action changed.
 */
export function useActionOutcome(invalidates: readonly QueryKey[]) {
  const queryClient = useQueryClient()
  const [pending, start] = useTransition()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const run = (action: () => Promise<Outcome>, onSuccess?: () => void) =>
    start(async () => {
      const result = await action()
      setOutcome(result)
      if (!result.ok) return
      onSuccess?.()
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })))
    })
  return { run, pending, outcome, setOutcome }
}

/** What the last action answered, once there is an answer. */
export function OutcomeMessage({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null
  return (
    <p
      role="status"
      className={outcome.ok ? 'text-sm text-emerald-700 dark:text-emerald-400' : 'text-sm text-destructive'}
    >
      {outcome.message}
    </p>
  )
}
