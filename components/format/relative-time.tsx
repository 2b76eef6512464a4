'use client'

import { format } from 'date-fns'
import { formatAge } from '@/lib/msx/status'
import { useHydrated, useNow } from './use-now'

export function exactTime(date: Date) {
  return format(date, "EEE d MMM yyyy, HH:mm:ss 'UTC'xxx")
}

export function relativeTime(date: Date, now: number) {
  const ms = now - date.getTime()
  if (Math.abs(ms) < 5_000) return 'just now'
  return ms > 0 ? `${formatAge(ms)} ago` : `in ${formatAge(-ms)}`
}

/** "3 min ago", with the exact date and time (in the browser's time zone) on hover. */
export function RelativeTime({ iso, fallback = '—' }: { iso: string | null; fallback?: string }) {
  const now = useNow()
  const hydrated = useHydrated()
  if (!iso) return <span className="text-muted-foreground">{fallback}</span>
  const date = new Date(iso)
  return (
    <time key={String(hydrated)} dateTime={iso} title={exactTime(date)} suppressHydrationWarning>
      {relativeTime(date, now)}
    </time>
  )
}

/** The exact date and time in the browser's time zone, and how long ago. */
export function Timestamp({
  iso,
  stacked = false,
}: {
  iso: string
  /** the relative time under the date rather than beside it, for a narrow column */
  stacked?: boolean
}) {
  const now = useNow()
  const hydrated = useHydrated()
  const date = new Date(iso)
  return (
    <time key={String(hydrated)} dateTime={iso} title={exactTime(date)} suppressHydrationWarning>
      <span className="tabular-nums" suppressHydrationWarning>
        {format(date, 'd MMM yyyy, HH:mm:ss')}
      </span>
      <span
        className={stacked ? 'block text-xs text-muted-foreground' : 'ml-2 text-xs text-muted-foreground'}
        suppressHydrationWarning
      >
        {relativeTime(date, now)}
      </span>
    </time>
  )
}
