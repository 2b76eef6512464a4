import { queryOptions } from '@tanstack/react-query'
import type { TargetDetails } from '@/lib/msx/target-details'
import { targetKeys } from './keys'
import { LIVE_REFRESH_MS } from './lists'

// Under targetKeys.all, so a change that refreshes every target view refreshes this page too.
export const targetDetailKeys = {
  all: () => [...targetKeys.all, 'detail'] as const,
  detail: (name: string) => [...targetDetailKeys.all(), name.trim().toUpperCase()] as const,
}

export const targetDetailPath = (name: string) => `/api/targets/${encodeURIComponent(name)}`

async function fetchDetails(name: string): Promise<TargetDetails> {
  const response = await fetch(targetDetailPath(name), { headers: { accept: 'application/json' } })
  const body = (await response.json().catch(() => null)) as (TargetDetails & { error?: string }) | null
  if (!response.ok || !body) throw new Error(body?.error ?? `The master answered ${response.status}.`)
  return body
}

// The browser reads through the JSON route; the page's server prefetch passes its own queryFn for the same key.
export const targetDetailsOptions = (name: string) =>
  queryOptions({
    queryKey: targetDetailKeys.detail(name),
    queryFn: () => fetchDetails(name),
    refetchInterval: LIVE_REFRESH_MS,
  })
