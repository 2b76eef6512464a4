import { queryOptions } from '@tanstack/react-query'
import type { TargetDetails } from '@/lib/msx/target-details'
import { targetKeys } from './keys'
import { fetchJson, LIVE_REFRESH_MS } from './lists'

// Under targetKeys.all, so a change that refreshes every target view refreshes this page too.
export const targetDetailKeys = {
  all: () => [...targetKeys.all, 'detail'] as const,
  detail: (name: string) => [...targetDetailKeys.all(), name.trim().toUpperCase()] as const,
}

// The browser reads through the JSON route; the page's server prefetch passes its own queryFn for the same key.
export const targetDetailsOptions = (name: string) =>
  queryOptions({
    queryKey: targetDetailKeys.detail(name),
    queryFn: () => fetchJson<TargetDetails>(`/api/targets/${encodeURIComponent(name)}`),
    refetchInterval: LIVE_REFRESH_MS,
  })
