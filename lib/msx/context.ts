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

export function inTransaction<T>(ctx: MsxContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retryWhileBusy(ctx.db, () => ctx.db.$transaction((tx) => work(tx as Tx), TX_OPTIONS))
}
