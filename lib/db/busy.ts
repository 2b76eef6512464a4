// SQLite lets one process write at a time. A transaction that read first and then writes gets SQLITE_BUSY at
// once (waiting cannot help: its snapshot is stale) when another process wrote in between, e.g. the msx CLI
// while the gateway records polls and outcomes. On SQLite such a transaction is run again from the start.
import { type Db, providerOf } from './client'

const ATTEMPTS = 5

/** SQLITE_BUSY as Prisma reports it: by name from raw queries, as P1008 ("Operation has timed out") otherwise. */
export function isSqliteBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return /SQLITE_BUSY|database is locked/.test(error.message) || (error as { code?: unknown }).code === 'P1008'
}

export async function retryWhileBusy<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (providerOf(db) !== 'sqlite') return work()
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= ATTEMPTS || !isSqliteBusy(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50 * attempt))
    }
  }
}
