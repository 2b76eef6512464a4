import { type DatabaseTarget, parseDatabaseUrl } from '../lib/db/url'
import { StartupError } from './startup-error'

/** The database as the log names it: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseLabel(databaseUrl: string): string {
  let target: DatabaseTarget
  try {
    target = parseDatabaseUrl(databaseUrl)
  } catch (error) {
    throw new StartupError((error as Error).message)
  }
  if (target.provider === 'sqlite') return `SQLite ${target.file}`
  try {
    const url = new URL(target.url)
    if (url.password) url.password = '*****'
    for (const key of [...url.searchParams.keys()]) if (/password/i.test(key)) url.searchParams.set(key, '*****')
    return `PostgreSQL ${url.toString()}`
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a well-formed URL)'
  }
}
