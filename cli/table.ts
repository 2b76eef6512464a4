/** A mistake in how msx was called: exit code 2. */
export class UsageError extends Error {}

/** An id given on the command line, e.g. wholeNumberId('12', 'an API token id'); bad usage when it is not one. */
export function wholeNumberId(value: string, what: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`"${value}" is not ${what} (a whole number).`)
  return Number(value)
}

/** JSON with --json, else the text. */
export const print = (json: boolean | undefined, data: unknown, text: () => string) =>
  console.log(json ? JSON.stringify(data, null, 2) : text())

/** Prints rows as aligned columns under their headers (what `msx` shows without --json). */
export function formatTable<T>(
  rows: T[],
  columns: [header: string, value: (row: T) => string | number | null][],
): string {
  const cells = rows.map((row) => columns.map(([, value]) => String(value(row) ?? '')))
  const widths = columns.map(([header], i) => Math.max(header.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(columns.map(([h]) => h)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

/** "24h", "7d", "30m", "90s" as seconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)\s*(s|m|h|d)$/i.exec(text.trim())
  if (!match) return null
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[(match[2] ?? 's').toLowerCase() as 's' | 'm' | 'h' | 'd']
  return Number(match[1]) * unit
}
