import { defaultShouldDehydrateQuery, isServer, QueryClient } from '@tanstack/react-query'
import { cache } from 'react'

/** The live-query hooks refresh at the user's interval; this keeps a just-rendered page from refetching at once. */
export const LIVE_STALE_TIME_MS = 5_000

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: LIVE_STALE_TIME_MS,
        refetchOnWindowFocus: true,
        retry: 1,
      },
      dehydrate: {
        // a prefetch still in flight is streamed to the browser too
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  })
}

// On the server one client per request (React `cache` is scoped to a request); in the browser one for the tab.
const serverQueryClient = cache(makeQueryClient)
let browserQueryClient: QueryClient | undefined

export function getQueryClient(): QueryClient {
  if (isServer) return serverQueryClient()
  browserQueryClient ??= makeQueryClient()
  return browserQueryClient
}
