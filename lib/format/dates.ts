// Every date and time the dashboard shows, written one way, in one locale: "1 Dec 2026" (en-GB),
// "Dec 1, 2026" (en-US), "1. Dez. 2026" (de-DE). Times read in the browser's time zone unless said otherwise.

import { formatAge } from '@/lib/msx/status'

const DAY = { day: 'numeric', month: 'short', year: 'numeric' } as const
const TIME = { hour: '2-digit', minute: '2-digit', second: '2-digit' } as const

const STYLES = {
  day: DAY,
  dateTime: { ...DAY, ...TIME },
  dateMinute: { ...DAY, hour: '2-digit', minute: '2-digit' },
  exact: { weekday: 'short', ...DAY, ...TIME, timeZoneName: 'shortOffset' },
  dayMinute: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  time: TIME,
  fullDay: { dateStyle: 'full' },
  month: { month: 'long', year: 'numeric' },
  weekday: { weekday: 'short' },
  weekdayLong: { weekday: 'long' },
  // a target's wall clock: an instant already shifted by the target's offset, so read in UTC
  wallShort: { timeZone: 'UTC', weekday: 'short', hour: '2-digit', minute: '2-digit' },
  wallFull: { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'medium' },
} satisfies Record<string, Intl.DateTimeFormatOptions>

export type DateStyle = keyof typeof STYLES

const cache = new Map<string, Intl.DateTimeFormat>()

/** The date or time in the locale's way, in one of the dashboard's styles. */
export function formatDate(locale: string, style: DateStyle, date: Date | string): string {
  const key = `${locale} ${style}`
  let formatter = cache.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, STYLES[style])
    cache.set(key, formatter)
  }
  return formatter.format(typeof date === 'string' ? new Date(date) : date)
}

/** "3 min ago", "in 2 h", "just now": the dashboard's one way of saying how long ago. */
export function relativeTime(date: Date, now: number): string {
  const ms = now - date.getTime()
  if (Math.abs(ms) < 5_000) return 'just now'
  return ms > 0 ? `${formatAge(ms)} ago` : `in ${formatAge(-ms)}`
}

/** UTC+2, UTC−5, UTC+5:30 */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC'
  const sign = minutes < 0 ? '−' : '+'
  const abs = Math.abs(minutes)
  const mm = abs % 60
  return `UTC${sign}${Math.floor(abs / 60)}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`
}

/** The target's wall clock: its local time (an instant by its own clock) read in its own time zone. */
export function targetWallClock(locale: string, localTimeIso: string, offsetMinutes: number) {
  const wall = new Date(Date.parse(localTimeIso) + offsetMinutes * 60_000)
  return {
    short: formatDate(locale, 'wallShort', wall),
    full: `${formatDate(locale, 'wallFull', wall)} (${formatUtcOffset(offsetMinutes)})`,
  }
}
