import type { z } from 'zod'

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>

/**
 * Reads a list query from the URL with the domain's own schema. A parameter the schema refuses (a stale or
 * hand-edited link) is dropped rather than failing the page; empty values count as absent.
 */
export function readQuery<S extends z.ZodObject>(schema: S, raw: RawParams): z.output<S> {
  const values: Record<string, string> = {}
  const entries = raw instanceof URLSearchParams ? raw.entries() : Object.entries(raw)
  for (const [key, value] of entries) {
    // NUL is no text a filter can mean, and PostgreSQL refuses it in a string
    const first = (Array.isArray(value) ? value[0] : value)?.replaceAll('\u0000', '')
    if (first !== undefined && first.trim() !== '' && !(key in values)) values[key] = first
  }
  let parsed = schema.safeParse(values)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete values[String(issue.path[0])]
    parsed = schema.safeParse(values)
  }
  const data = (parsed.success ? parsed.data : schema.parse({})) as Record<string, unknown>
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== '')) as z.output<S>
}

/** A query as a query string, for the JSON reads. */
export function toQueryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  return params.toString()
}
