'use client'

// The sentence a server action answered, as the toolbars show it.
export type Outcome = { ok: boolean; message: string; fieldErrors?: Record<string, string[] | undefined> }

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
