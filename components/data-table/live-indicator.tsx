'use client'

import { LoaderCircleIcon } from 'lucide-react'
import { RelativeTime } from '@/components/format/relative-time'
import { useLiveRefresh } from '@/components/live/refresh-context'

function refreshWords(intervalMs: number | null, streaming: boolean) {
  if (intervalMs === null) return 'Auto refresh off'
  const every = `every ${Math.round(intervalMs / 1000)} s`
  return streaming ? `Live · also refreshes ${every}` : `Refreshes ${every}`
}

/** Says the list refreshes by itself (at once when the master's change notices reach the tab), and when it last did. */
export function LiveIndicator({
  updatedAt,
  fetching,
  intervalMs,
  error,
}: {
  updatedAt: number
  fetching: boolean
  /** null while auto refresh is off */
  intervalMs: number | null
  error: Error | null
}) {
  const { streaming } = useLiveRefresh()
  if (error)
    return (
      <p role="status" className="flex items-center gap-2 text-xs text-red-700 dark:text-red-300">
        <span className="size-2 rounded-full bg-red-500" aria-hidden />
        Refresh failed: {error.message}
      </p>
    )
  return (
    <p className="flex items-center gap-2 text-xs text-muted-foreground">
      {fetching ? (
        <LoaderCircleIcon className="size-3.5 animate-spin" aria-hidden />
      ) : (
        <span
          className={
            intervalMs === null
              ? 'size-2 rounded-full bg-muted-foreground/40'
              : `size-2 rounded-full bg-emerald-500${streaming ? ' motion-safe:animate-pulse' : ''}`
          }
          aria-hidden
        />
      )}
      <span>
        {refreshWords(intervalMs, streaming)} · updated{' '}
        {updatedAt ? <RelativeTime iso={new Date(updatedAt).toISOString()} /> : 'never'}
      </span>
    </p>
  )
}
