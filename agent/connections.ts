// Database connections configured on this target under a name (msx-agent connection add NAME URL): SQL steps
// name one. SQLite (file:/absolute/path.db) and PostgreSQL (postgresql://...). Kept in the local store, which
// only its owner can read; a password is never printed.
import { z } from 'zod'
import { AgentError } from './errors'
import type { AgentStore } from './store'

export const connectionName = z
  .string()
  .trim()
  .min(1, 'A connection name is required.')
  .max(128, 'A connection name has at most 128 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'A connection name holds letters, digits, ".", "_" and "-".')

export const connectionUrl = z
  .string()
  .trim()
  .refine((url) => /^(file|sqlite):(\/\/)?\/[^/]/.test(url) || /^postgres(ql)?:\/\/[^/]/.test(url), {
    message:
      'A connection URL is file:/absolute/path.db (SQLite) or postgresql://user:password@host:port/database (PostgreSQL).',
  })
  .refine((url) => !/^postgres/.test(url) || URL.canParse(url), {
    message: 'The PostgreSQL URL cannot be read: percent-encode special characters in the user name and password.',
  })

export interface ConnectionRow {
  name: string
  /** the URL with its password replaced by *** */
  url: string
  kind: 'sqlite' | 'postgresql'
  addedAt: string
}

export function maskPassword(url: string): string {
  if (!/^postgres/.test(url) || !URL.canParse(url)) return url
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***')
  return parsed.toString()
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new AgentError(parsed.error.issues[0]?.message ?? 'Invalid value.', 2)
  return parsed.data
}

export function addConnection(store: AgentStore, rawName: string, rawUrl: string, now = new Date()): ConnectionRow {
  const name = parse(connectionName, rawName)
  const url = parse(connectionUrl, rawUrl)
  store.db
    .prepare(
      `INSERT INTO connections (name, url, added_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET name = excluded.name, url = excluded.url, added_at = excluded.added_at`,
    )
    .run(name, url, now.toISOString())
  return row({ name, url, added_at: now.toISOString() })
}

export function removeConnection(store: AgentStore, name: string) {
  if (store.db.prepare('DELETE FROM connections WHERE name = ?').run(name.trim()).changes === 0)
    throw new AgentError(`There is no connection named "${name}" on this target (see msx-agent connection list).`)
}

export function listConnections(store: AgentStore): ConnectionRow[] {
  const rows = store.db.prepare('SELECT name, url, added_at FROM connections ORDER BY name').all()
  return (rows as { name: string; url: string; added_at: string }[]).map(row)
}

/** The full URL (with its password) of a connection, for the step that runs against it. */
export function connectionUrlOf(store: AgentStore, name: string): string | undefined {
  const found = store.db.prepare('SELECT url FROM connections WHERE name = ?').get(name) as { url: string } | undefined
  return found?.url
}

function row(r: { name: string; url: string; added_at: string }): ConnectionRow {
  return {
    name: r.name,
    url: maskPassword(r.url),
    kind: /^postgres/.test(r.url) ? 'postgresql' : 'sqlite',
    addedAt: r.added_at,
  }
}
