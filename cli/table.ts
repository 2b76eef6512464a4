// How msx prints what it is given back: aligned columns under their headers, or JSON with --json.

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
