'use client'

import type { DateStyle } from '@/lib/format/dates'
import { relativeTime } from '@/lib/format/dates'
import { useFormatDate } from './date-locale'
import { useHydrated, useNow } from './use-now'

/** "3 min ago", with the exact date and time (in the browser's time zone) on hover. */
export function RelativeTime({ iso, fallback = '—' }: { iso: string | null; fallback?: string }) {
  const now = useNow()
  const hydrated = useHydrated()
  const formatDate = useFormatDate()
  if (!iso) return <span className="text-muted-foreground">{fallback}</span>
  const date = new Date(iso)
  return (
    <time key={String(hydrated)} dateTime={iso} title={formatDate('exact', date)} suppressHydrationWarning>
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
  const formatDate = useFormatDate()
  const date = new Date(iso)
  return (
    <time key={String(hydrated)} dateTime={iso} title={formatDate('exact', date)} suppressHydrationWarning>
      <span className="tabular-nums" suppressHydrationWarning>
        {formatDate('dateTime', date)}
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

/** A date (and time, as the style says) in the browser's time zone, the exact instant on hover. */
export function LocalDate({ iso, style = 'dateMinute' }: { iso: string; style?: DateStyle }) {
  const hydrated = useHydrated()
  const formatDate = useFormatDate()
  return (
    <time key={String(hydrated)} dateTime={iso} title={formatDate('exact', iso)} suppressHydrationWarning>
      {formatDate(style, iso)}
    </time>
  )
}
