// The one Prisma client module. SQLite or PostgreSQL is chosen by the database URL; both generated clients
// hold the same models (prisma/models.prisma), so the SQLite client's type stands for both.

import type { PrismaClient } from '../../generated/sqlite/client'
import { config } from '../config'
import { parseDatabaseUrl } from './url'

export type Db = PrismaClient
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>
export type DbProvider = 'sqlite' | 'postgresql'

export async function createDb(databaseUrl: string): Promise<Db> {
  const target = parseDatabaseUrl(databaseUrl)
  if (target.provider === 'sqlite') {
    const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([
      import('../../generated/sqlite/client'),
      import('@prisma/adapter-better-sqlite3'),
    ])
    // WAL lets the dashboard read while the gateway writes; busy_timeout queues writers instead of failing them.
    const adapter = new PrismaBetterSqlite3({ url: target.url, timeout: 10_000 })
    const db = new PrismaClient({ adapter })
    await db.$executeRawUnsafe('PRAGMA journal_mode = WAL')
    await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON')
    return db
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
    import('../../generated/postgresql/client'),
    import('@prisma/adapter-pg'),
  ])
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as Db
  return db
}

/** Which database a client or transaction talks to, for the few statements written per provider. */
export function providerOf(client: Db | Tx): DbProvider {
  const provider = (client as unknown as { _activeProvider?: string })._activeProvider
  if (provider === 'sqlite' || provider === 'postgresql') return provider
  throw new Error(`unexpected database provider "${provider}"`)
}

// One client per process: the Next.js bundle and the gateway load this module separately, so it lives on globalThis.
const shared = globalThis as typeof globalThis & { __msxDb?: Promise<Db> }

export function db(): Promise<Db> {
  shared.__msxDb ??= createDb(config().databaseUrl)
  return shared.__msxDb
}
