'use client'

// A page rendered on the server follows the change notices of its topic as the live lists do: read again (router
// refresh, which keeps what the user typed or opened) when its topic changes, or at the user's refresh interval,
// and not at all with auto refresh off. At most every few seconds: a whole page is read again, not one list.
import { useQuery } from '@tanstack/react-query'
import { usePathname, useRouter } from 'next/navigation'
import { useEffect, useRef } from 'react'
import type { ChangeTopic } from '@/lib/query/change-topics'
import { useLiveRefresh } from './refresh-context'

const MIN_GAP_MS = 5_000

export function RefreshOnChange({ topic }: { topic: ChangeTopic }) {
  const router = useRouter()
  const path = usePathname()
  const { intervalMs } = useLiveRefresh()
  const live = intervalMs !== null
  // the query fetches nothing: its refetches, when the change stream or the interval asks, are the signal
  const { dataUpdatedAt } = useQuery({
    queryKey: [topic, 'server-rendered-page', path],
    queryFn: () => Date.now(),
    enabled: live,
    refetchInterval: intervalMs ?? false,
    staleTime: 0,
  })
  const first = useRef(dataUpdatedAt)
  const lastAt = useRef(Date.now())
  const waiting = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    if (!live || dataUpdatedAt === first.current || waiting.current) return
    waiting.current = setTimeout(
      () => {
        waiting.current = undefined
        lastAt.current = Date.now()
        router.refresh()
      },
      Math.max(0, lastAt.current + MIN_GAP_MS - Date.now()),
    )
  }, [dataUpdatedAt, live, router])

  useEffect(() => () => clearTimeout(waiting.current), [])
  return null
}
