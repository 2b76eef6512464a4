'use client'

// The tab's one stream of change notices: each names the views that changed, and their queries refetch, each at
// most twice a second. Open only while auto refresh is on; timed refresh stays as the fallback.
import { type QueryClient, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { CHANGE_STREAM_PATH, CHANGE_TOPICS, type ChangeTopic, changeNoticeEvent } from '@/lib/query/change-topics'

const MIN_GAP_MS = 500
/** after the master refused the stream (signed out, restarted without the route): try again this much later */
const REOPEN_MS = 15_000

function throttledRefetch(queryClient: QueryClient) {
  const lastAt = new Map<ChangeTopic, number>()
  const waiting = new Map<ChangeTopic, ReturnType<typeof setTimeout>>()
  const refetch = (topic: ChangeTopic) => {
    if (waiting.has(topic)) return
    const wait = Math.max(0, (lastAt.get(topic) ?? 0) + MIN_GAP_MS - Date.now())
    const run = () => {
      // a read under way is left to finish, and the view read again after it: restarting it at every notice
      // would starve a slow list of ever showing anything while notices keep coming
      if (queryClient.isFetching({ queryKey: [topic] }) > 0) {
        waiting.set(topic, setTimeout(run, MIN_GAP_MS))
        return
      }
      waiting.delete(topic)
      lastAt.set(topic, Date.now())
      void queryClient.invalidateQueries({ queryKey: [topic] }, { cancelRefetch: false })
    }
    waiting.set(topic, setTimeout(run, wait))
  }
  const cancel = () => {
    for (const timer of waiting.values()) clearTimeout(timer)
  }
  return { refetch, cancel }
}

/** Whether the tab receives change notices now. */
export function useChangeStream(enabled: boolean): boolean {
  const queryClient = useQueryClient()
  const [connected, setConnected] = useState(false)

  useEffect(() => {
    if (!enabled) return
    const throttled = throttledRefetch(queryClient)
    let source: EventSource | null = null
    let reopen: ReturnType<typeof setTimeout> | undefined
    const open = () => {
      clearTimeout(reopen)
      source?.close()
      source = new EventSource(CHANGE_STREAM_PATH)
      source.onopen = () => {
        setConnected(true)
        // what changed before the stream opened: while it was down, or between the page's own read and now
        for (const topic of CHANGE_TOPICS) throttled.refetch(topic)
      }
      source.onerror = () => {
        setConnected(false)
        if (source?.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_MS)
      }
      source.addEventListener('change', (event) => {
        const notice = changeNoticeEvent.safeParse(JSON.parse((event as MessageEvent<string>).data))
        if (notice.success) for (const topic of notice.data.topics) throttled.refetch(topic)
      })
    }
    const close = () => {
      clearTimeout(reopen)
      source?.close()
      source = null
      setConnected(false)
    }
    // A hidden tab gives its connection back: a browser opens at most six to one master over HTTP/1.1, for every
    // tab together, and a seventh request would wait. Shown again, it opens the stream and catches up.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') close()
      else if (!source) open()
    }
    document.addEventListener('visibilitychange', onVisibility)
    if (document.visibilityState !== 'hidden') open()
    return () => {
      document.removeEventListener('visibilitychange', onVisibility)
      close()
      throttled.cancel()
    }
  }, [enabled, queryClient])

  return enabled && connected
}
