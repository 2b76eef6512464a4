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
