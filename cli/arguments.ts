// What msx reads from its command line (ids, durations), and the error for a mistake in how it was called.

/** A mistake in how msx was called: exit code 2. */
export class UsageError extends Error {}

/** An id given on the command line, e.g. wholeNumberId('12', 'an API token id'); bad usage when it is not one. */
export function wholeNumberId(value: string, what: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`"${value}" is not ${what} (a whole number).`)
  return Number(value)
}

/** "24h", "7d", "30m", "90s" as seconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)\s*(s|m|h|d)$/i.exec(text.trim())
  if (!match) return null
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[(match[2] ?? 's').toLowerCase() as 's' | 'm' | 'h' | 'd']
  return Number(match[1]) * unit
}
