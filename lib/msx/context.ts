import 'server-only'
import { retryWhileBusy } from '../db/busy'
import type { Db, Tx } from '../db/client'

/** Who asks for a change, and from where; recorded in the activity log with the change. */
export interface Actor {
  name: string
  address?: string
}

export interface MsxContext {
  db: Db
  actor: Actor
}

export const SYSTEM: Actor = { name: 'system' }

/** A large post (10,000 targets) must not hit the default 5 s interactive-transaction timeout. */
export const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 } as const

/** One transaction: all of `work` or nothing, run again on SQLite when another process wrote in between. */
export function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retryWhileBusy(db, () => db.$transaction((tx) => work(tx as Tx), TX_OPTIONS))
}

export function inTransaction<T>(ctx: MsxContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(ctx.db, work)
}
