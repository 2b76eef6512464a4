// The database a DATABASE_URL names: SQLite or PostgreSQL, and where it is.
import path from 'node:path'

export type DatabaseTarget = { provider: 'sqlite'; url: string; file: string } | { provider: 'postgresql'; url: string }

/** Reads a DATABASE_URL: `file:PATH` (SQLite, relative to the working folder) or `postgres[ql]://...`. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    const file = path.resolve(url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
    return { provider: 'sqlite', url: `file:${file}`, file }
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', url }
  throw new Error(
    `DATABASE_URL "${url}" is not supported: use file:PATH for SQLite or postgresql://USER:PASSWORD@HOST:PORT/DB for PostgreSQL.`,
  )
}

/** Where the database is, for the master's checks: the SQLite file, or PostgreSQL's host:port/database (never a password). */
export function databaseLocation(target: DatabaseTarget): string {
  if (target.provider === 'sqlite') return target.file
  try {
    const url = new URL(target.url)
    // a Unix socket is given as ?host=/run/postgresql, with no host in the URL itself
    const host = url.hostname || url.searchParams.get('host') || 'localhost'
    return `${host}:${url.port || '5432'}/${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}`
  } catch {
    return 'DATABASE_URL is not a well-formed URL'
  }
}
