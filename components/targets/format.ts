// How the Target Server Status list shows numbers and times.

export function formatPollInterval(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`
  if (seconds >= 120 && seconds % 60 === 0) return `${seconds / 60} min`
  return `${seconds} s`
}

export function formatClockSkew(ms: number | null): string {
  if (ms === null) return '—'
  const sign = ms > 0 ? '+' : ms < 0 ? '−' : '±'
  const abs = Math.abs(ms)
  if (abs < 1000) return `${sign}${abs} ms`
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(abs < 10_000 ? 1 : 0)} s`
  return `${sign}${Math.round(abs / 60_000)} min`
}

/** UTC+2, UTC−5, UTC+5:30 */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC'
  const sign = minutes < 0 ? '−' : '+'
  const abs = Math.abs(minutes)
  const mm = abs % 60
  return `UTC${sign}${Math.floor(abs / 60)}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`
}

const wallTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
})
const wallFull = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'medium' })

/** The target's wall clock: its local time (an instant by its own clock) read in its own time zone. */
export function targetWallClock(localTimeIso: string, offsetMinutes: number) {
  const wall = new Date(Date.parse(localTimeIso) + offsetMinutes * 60_000)
  return { short: wallTime.format(wall), full: `${wallFull.format(wall)} (${formatUtcOffset(offsetMinutes)})` }
}
