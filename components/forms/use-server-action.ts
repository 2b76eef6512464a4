'use client'

// The one way a component runs a server action: it keeps the answer and refreshes the views the action named stale.
import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import type { ActionResult } from '@/lib/auth/action-result'
import { SERVER_RENDERED } from '@/lib/query/keys'
import type { Outcome } from './action-outcome'

const isServerRendered = (key: readonly unknown[]) => key.length === 1 && key[0] === SERVER_RENDERED[0]

/**
 * `run(() => someAction(input), onSuccess)`: the answer's sentence (and field errors) become `outcome`; on
 * success `onSuccess` gets the action's data and sentence, then every view the action declared stale is refreshed.
 */
export function useServerAction() {
  const queryClient = useQueryClient()
  const router = useRouter()
  const [pending, start] = useTransition()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const run = <T>(action: () => Promise<ActionResult<T>>, onSuccess?: (data: T, message: string) => void) =>
    start(async () => {
      const result = await action()
      setOutcome(result)
      if (!result.ok) return
      onSuccess?.(result.data, result.message)
      if (result.stale.some(isServerRendered)) router.refresh()
      await Promise.all(
        result.stale
          .filter((key) => !isServerRendered(key))
          .map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      )
    })
  return { run, pending, outcome, setOutcome }
}
