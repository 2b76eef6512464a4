// The driver adapter factory the schema engine migrates through, with the fixes it needs:
// - migration.sql files replayed on the shadow database hold several statements, which executeRaw
//   refuses ("contains more than one statement"): those go through executeScript instead;
// - PostgreSQL: catalog columns of type "char" (OID 18) are not mapped by @prisma/adapter-pg, so they are
//   reported as text; @prisma/adapter-pg's executeScript splits a script at every ";", which cuts a function body
//   (the job_summaries triggers) in pieces, so the script goes whole to the server, that runs it as one
//   transaction; the shadow database is made from discrete connection fields (with a connection string
//   the URL's database would win) and dropped only after its pool is closed.
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils'
import type { DatabaseTarget } from './url'

type Adapter = SqlDriverAdapter & { executeScript(sql: string): Promise<void>; dispose(): Promise<void> }
interface Factory {
  provider: string
  adapterName: string
  connect(): Promise<Adapter>
  connectToShadowDb(): Promise<Adapter>
}

export async function migrationAdapterFactory(target: DatabaseTarget) {
  const base = target.provider === 'sqlite' ? await sqliteFactory(target.url) : await postgresFactory(target.url)
  const opened: Adapter[] = []
  const factory: Factory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const adapter = await base.connect()
      opened.push(adapter)
      return adapter
    },
    connectToShadowDb: async () => {
      const adapter = await base.connectToShadowDb()
      const executeRaw = adapter.executeRaw.bind(adapter)
      adapter.executeRaw = (query) =>
        query.args?.length ? executeRaw(query) : adapter.executeScript(query.sql).then(() => 0)
      return adapter
    },
  }
  const dispose = async () => {
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()))
  }
  return { factory, dispose }
}

async function sqliteFactory(url: string): Promise<Factory> {
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3')
  return new PrismaBetterSqlite3({ url }) as unknown as Factory
}

let pgCharPatched = false

async function postgresFactory(url: string): Promise<Factory> {
  const { default: pg } = await import('pg')
  if (!pgCharPatched) {
    pgCharPatched = true
    const asText = (result: { fields?: { dataTypeID: number }[] } | undefined) => {
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25
      return result
    }
    for (const proto of [pg.Pool.prototype, pg.Client.prototype] as { query: (...a: unknown[]) => unknown }[]) {
      const query = proto.query
      proto.query = function (this: unknown, ...args: unknown[]) {
        const result = query.apply(this, args)
        return result instanceof Promise ? result.then(asText) : result
      }
    }
  }
  const { PrismaPg } = await import('@prisma/adapter-pg')
  const parsed = new URL(url)
  const config = {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password) || undefined,
    database: parsed.pathname.slice(1),
  }
  const factory = new PrismaPg(config) as unknown as Factory
  const connect = factory.connect.bind(factory)
  factory.connect = async () => wholeScripts(await connect())
  factory.connectToShadowDb = async () => {
    const main = await factory.connect()
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`
    await main.executeScript(`CREATE DATABASE "${name}"`)
    const shadow = wholeScripts(await (new PrismaPg({ ...config, database: name }) as unknown as Factory).connect())
    const disposeShadow = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await disposeShadow()
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await main.dispose()
    }
    return shadow
  }
  return factory
}

function wholeScripts(adapter: Adapter): Adapter {
  const pg = adapter as Adapter & { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never }
  adapter.executeScript = async (script) => {
    await pg.client.query(script).catch((error: unknown) => pg.onError(error))
  }
  return adapter
}
