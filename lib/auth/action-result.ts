// What a server action answers, and the views it made stale: client-safe, for the one mutation hook.
import type { QueryKey } from '@tanstack/react-query'

/** A view a change can leave stale: a TanStack query key (its prefix), or the page's server-rendered part. */
export type StaleView = QueryKey

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message: string; stale: readonly StaleView[] }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> }
