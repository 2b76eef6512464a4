// SQLite lets one process write at a time. A transaction that read first and then writes gets SQLITE_BUSY at
// once (waiting cannot help: its snapshot is stale) when another process wrote in between, e.g. the msx CLI
// while the gateway records polls and outcomes. On SQLite such a transaction is run again from the start.
import { type Db, providerOf, type Tx } from './client'

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

/**
 * On SQLite, takes the write lock at the start of a transaction. One that reads before it writes otherwise fails
 * at its first write whenever another process committed in between (SQLITE_BUSY_SNAPSHOT), and against a gateway
 * recording polls every few milliseconds it may fail on every attempt; holding the lock first, it waits its turn
 * (the busy timeout) instead.
 */
export async function takeWriteLock(tx: Tx): Promise<void> {
  if (providerOf(tx) === 'sqlite') await tx.$executeRawUnsafe('UPDATE target_servers SET id = id WHERE 0')
}
