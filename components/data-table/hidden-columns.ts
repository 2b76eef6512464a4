// Which columns of a table a browser hides: a way of looking at a list, not a change to the fleet, so it is kept
// in a cookie of that browser (the activity log does not hear of it), which lets the server render the table
// with the browser's own columns.
import { z } from 'zod'

const hiddenColumnsSchema = z.array(z.string().regex(/^[A-Za-z]{1,40}$/)).max(50)

export function hiddenColumnsCookie(table: string): string {
  return `msx-columns-${table}`
}

/**
 * The ids a cookie names (its value as Next hands it over, URL-decoded already), or null for none or a cookie this
 * version cannot read (the table's defaults then).
 */
export function parseHiddenColumns(cookie: string | undefined): string[] | null {
  if (cookie === undefined) return null
  try {
    const parsed = hiddenColumnsSchema.safeParse(JSON.parse(cookie))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
