// Applies and creates migrations offline with Prisma's WebAssembly schema engine driven through a
// driver adapter: the Prisma CLI's `migrate` needs a native engine that cannot be downloaded here.
// The layout (prisma/<provider>/migrations/<ts>_<name>/migration.sql, table _prisma_migrations) is Prisma's
// own, so `prisma migrate deploy` works on the same folders where the native engine is available.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import { migrationAdapterFactory } from './migration-adapter'
import { migrationFolders, prismaDir } from './migration-folders'
import { type DatabaseTarget, parseDatabaseUrl } from './url'

export function schemaPath(provider: DatabaseTarget['provider']) {
  return path.join(prismaDir(provider), 'schema.prisma')
}

export function migrationsDir(provider: DatabaseTarget['provider']) {
  return path.join(prismaDir(provider), 'migrations')
}

// biome-ignore lint/suspicious/noExplicitAny: the engine's wasm-bindgen glue is untyped
type Glue = any
// The engine's glue module is cached by Node's loader and binds one wasm instance at a time, so the instance
// and the turn-taking below are per process (globalThis), not per copy of this module (bundles, test runners).
const shared = globalThis as typeof globalThis & {
  __msxSchemaEngine?: { glue?: Promise<Glue>; turn: Promise<unknown> }
}
shared.__msxSchemaEngine ??= { turn: Promise.resolve() }
const engineState = shared.__msxSchemaEngine

// The engine reports a Rust panic through this global before it throws; keep the message for the error.
const panic = { message: '' }
;(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    panic.message = message
  },
}

async function loadEngine(): Promise<Glue> {
  engineState.glue ??= (async () => {
    const require = createRequire(import.meta.url)
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))
    const glue = await import(path.join(dir, 'schema_engine_bg.js'))
    const wasm = fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(wasm, { './schema_engine_bg.js': glue })
    glue.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.()
    return glue
  })()
  return engineState.glue
}

function migrationsList(dir: string) {
  fs.mkdirSync(dir, { recursive: true })
  const lockPath = path.join(dir, 'migration_lock.toml')
  const names = migrationFolders(dir)
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, 'migration.sql')
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok', value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error', value: 'missing' },
        },
      }
    }),
  }
}

const filters = { externalTables: [], externalEnums: [] }

// One wasm instance serves the process and does not survive two engines at work at once: take turns.

function withEngine<T>(
  target: DatabaseTarget,
  // biome-ignore lint/suspicious/noExplicitAny: see Glue
  work: (engine: any, schemaFiles: { path: string; content: string }[]) => Promise<T>,
): Promise<T> {
  const mine = engineState.turn.then(() => runEngine(target, work))
  engineState.turn = mine.catch(() => undefined)
  return mine
}

async function runEngine<T>(
  target: DatabaseTarget,
  // biome-ignore lint/suspicious/noExplicitAny: see Glue
  work: (engine: any, schemaFiles: { path: string; content: string }[]) => Promise<T>,
): Promise<T> {
  const glue = await loadEngine()
  const file = schemaPath(target.provider)
  const content = fs.readFileSync(file, 'utf8')
  const { factory, dispose } = await migrationAdapterFactory(target)
  const adapter = bindMigrationAwareSqlAdapterFactory(factory as SqlMigrationAwareDriverAdapterFactory)
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[file, content]] },
    (message: string) => process.env.MSX_DEBUG_MIGRATIONS && console.error(message),
    adapter,
  )
  try {
    return await work(engine, [{ path: file, content }])
  } catch (error) {
    const id = /External error id#(\d+)/.exec(String((error as Error)?.message))
    const cause = id ? adapter.errorRegistry.consumeError(Number(id[1]))?.error : undefined
    const detail = cause ? ` (${JSON.stringify(cause)})` : panic.message ? ` (${panic.message})` : ''
    throw new Error(`Migration failed: ${(error as Error).message}${detail}`)
  } finally {
    engine.free()
    await dispose()
  }
}

/**
 * SQLite: whether every migration folder is recorded as applied, read without the schema engine. The engine
 * takes the database file exclusively while it works, which would fail while another process (the msx CLI)
 * has it open; at an ordinary start there is nothing to apply and the engine is not needed.
 */
async function sqliteUpToDate(file: string, dir: string): Promise<boolean> {
  if (!fs.existsSync(file)) return false
  const { default: Database } = await import('better-sqlite3')
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const table = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get()
    if (!table) return false
    const rows = sqlite
      .prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
      .all() as { migration_name: string }[]
    const applied = new Set(rows.map((row) => row.migration_name))
    return migrationsList(dir).migrationDirectories.every((m) => applied.has(m.path))
  } finally {
    sqlite.close()
  }
}

/** Applies every migration not yet applied; returns their names. */
export async function migrateDeploy(databaseUrl: string): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl)
  if (target.provider === 'sqlite') {
    fs.mkdirSync(path.dirname(target.file), { recursive: true })
    if (await sqliteUpToDate(target.file, migrationsDir('sqlite'))) return []
  }
  return withEngine(target, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: migrationsList(migrationsDir(target.provider)),
      filters,
    })
    return result.appliedMigrationNames as string[]
  })
}

/**
 * Creates a migration from the difference between the migrations and the schema (replayed on a shadow
 * database), writes it, and applies it. Returns the new migration's folder, or null when nothing changed.
 */
export async function migrateDev(databaseUrl: string, name: string): Promise<string | null> {
  const target = parseDatabaseUrl(databaseUrl)
  const dir = migrationsDir(target.provider)
  return withEngine(target, async (engine, files) => {
    await engine.applyMigrations({ migrationsList: migrationsList(dir), filters })
    const diagnostic = await engine.devDiagnostic({ migrationsList: migrationsList(dir), filters })
    if (diagnostic.action.tag === 'reset') throw new Error(`the database needs a reset: ${diagnostic.action.reason}`)
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList: migrationsList(dir),
      schema: { files },
      filters,
    })
    if (!out.migrationScript?.trim()) return null
    const created = path.join(dir, out.generatedMigrationName)
    fs.mkdirSync(created, { recursive: true })
    fs.writeFileSync(path.join(created, `migration.${out.extension}`), out.migrationScript)
    fs.writeFileSync(
      path.join(dir, 'migration_lock.toml'),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${target.provider}"\n`,
    )
    await engine.applyMigrations({ migrationsList: migrationsList(dir), filters })
    return created
  })
}
