// How the Target Server Status list shows poll intervals and clock skews (dates and times: lib/format/dates.ts).

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
