// The agent's local store: one SQLite file in its data folder, written with fsync (synchronous=FULL) so an
// acknowledgement or outcome it has recorded survives a crash or power loss.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { JobPayload } from '../lib/protocol/agent-v1'
import { sqliteOptions } from './runtime'

const SCHEMA = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE jobs (id INTEGER PRIMARY KEY, name TEXT NOT NULL, version INTEGER NOT NULL,
     definition TEXT NOT NULL, received_at TEXT NOT NULL)`,
  `CREATE TABLE pending_acks (instruction_id INTEGER PRIMARY KEY, ok INTEGER NOT NULL, error TEXT)`,
  // a job run from its start to its job outcome: a row left here after a crash is an interrupted run
  `CREATE TABLE runs (run_id TEXT PRIMARY KEY, job_id INTEGER NOT NULL, job_name TEXT NOT NULL,
     invoked_by TEXT NOT NULL, started_at TEXT NOT NULL, records INTEGER NOT NULL DEFAULT 0,
     step_number INTEGER, step_name TEXT, process_id INTEGER, process_start TEXT)`,
  // the spool: outcomes recorded here first, deleted once the master has them
  `CREATE TABLE outcomes (seq INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT NOT NULL UNIQUE,
     body TEXT NOT NULL, recorded_at TEXT NOT NULL)`,
  `CREATE TABLE connections (name TEXT PRIMARY KEY COLLATE NOCASE, url TEXT NOT NULL, added_at TEXT NOT NULL)`,
  `CREATE TABLE proxies (name TEXT PRIMARY KEY COLLATE NOCASE, account TEXT NOT NULL, added_at TEXT NOT NULL)`,
  // when the run's current step started (the master's time), reported to the master as the run's progress
  `ALTER TABLE runs ADD COLUMN step_started_at TEXT`,
]

export type SettingKey =
  | 'masterUrl'
  | 'masterName'
  | 'masterVersion'
  | 'name'
  | 'location'
  | 'encrypt'
  | 'caPem'
  | 'pollIntervalSeconds'
  | 'clockOffsetMs'
  | 'lastPollAt'
  | 'lastClockSkewMs'
  | 'enlistedAt'
  | 'state'
  /** the refusal that stopped msx-agent run for good (JSON: code, message, at), until the next run */
  | 'refusal'
  | 'allowProxyMatching'

export interface StoredJob {
  id: number
  name: string
  version: number
  receivedAt: string
  definition: JobPayload
}

interface JobRow {
  id: number
  name: string
  version: number
  definition: string
  received_at: string
}

function storedJob(r: JobRow): StoredJob {
  return {
    id: r.id,
    name: r.name,
    version: r.version,
    receivedAt: r.received_at,
    definition: JSON.parse(r.definition) as JobPayload,
  }
}

/** Settings of this machine rather than of its enlistment: they survive a defection. */
const LOCAL_SETTINGS: SettingKey[] = ['allowProxyMatching']

export class AgentStore {
  /** shared with the spool and the local setup (connections, proxies), which keep their own statements */
  readonly db: Database.Database

  constructor(readonly dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    this.db = new Database(path.join(dataDir, 'agent.db'), sqliteOptions())
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    const version = this.db.pragma('user_version', { simple: true }) as number
    // only when there is something to migrate: a write at every open (msx-agent status, each look a test takes)
    // would fail the running agent's read-then-write transactions with SQLITE_BUSY_SNAPSHOT
    if (version < SCHEMA.length)
      this.write(() => {
        for (const statement of SCHEMA.slice(version)) this.db.exec(statement)
        this.db.pragma(`user_version = ${SCHEMA.length}`)
      })
  }

  /**
   * Runs `change` as one transaction that takes the write lock first (BEGIN IMMEDIATE). Another process that
   * writes to this store meanwhile (msx-agent connection add while the agent runs) then waits for it; a deferred
   * transaction that read first would instead fail with SQLITE_BUSY_SNAPSHOT.
   */
  write<T>(change: () => T): T {
    return this.db.transaction(change).immediate()
  }

  get(key: SettingKey): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
    return row?.value
  }

  set(values: Partial<Record<SettingKey, string | number>>) {
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
    this.write(() => {
      for (const [key, value] of Object.entries(values)) if (value !== undefined) upsert.run(key, String(value))
    })
  }

  unset(...keys: SettingKey[]) {
    const remove = this.db.prepare('DELETE FROM settings WHERE key = ?')
    this.write(() => {
      for (const key of keys) remove.run(key)
    })
  }

  /**
   * Forgets the enlistment: its settings, jobs, undelivered acknowledgements and outcomes (no master can take
   * them any more). Connections, proxies and proxy matching belong to this machine and stay.
   */
  clearEnlistment() {
    this.write(() => {
      this.db
        .prepare(`DELETE FROM settings WHERE key NOT IN (${LOCAL_SETTINGS.map(() => '?').join(', ')})`)
        .run(...LOCAL_SETTINGS)
      this.db.exec('DELETE FROM jobs; DELETE FROM pending_acks; DELETE FROM runs; DELETE FROM outcomes;')
    })
  }

  saveJob(job: JobPayload, now = new Date()) {
    this.db
      .prepare(
        `INSERT INTO jobs (id, name, version, definition, received_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, version = excluded.version,
           definition = excluded.definition, received_at = excluded.received_at`,
      )
      .run(job.id, job.name, job.version, JSON.stringify(job), now.toISOString())
  }

  deleteJob(id: number): boolean {
    return this.db.prepare('DELETE FROM jobs WHERE id = ?').run(id).changes > 0
  }

  deleteAllJobs(): number {
    return this.db.prepare('DELETE FROM jobs').run().changes
  }

  job(id: number): StoredJob | undefined {
    const row = this.db.prepare('SELECT id, name, version, definition, received_at FROM jobs WHERE id = ?').get(id)
    return row ? storedJob(row as JobRow) : undefined
  }

  jobs(): StoredJob[] {
    const rows = this.db.prepare('SELECT id, name, version, definition, received_at FROM jobs ORDER BY name').all()
    return (rows as JobRow[]).map(storedJob)
  }

  /** Records the outcome of an instruction before telling the master, so it is never carried out twice. */
  recordAck(instructionId: number, ok: boolean, error?: string) {
    this.db
      .prepare('INSERT OR REPLACE INTO pending_acks (instruction_id, ok, error) VALUES (?, ?, ?)')
      .run(instructionId, ok ? 1 : 0, error ?? null)
  }

  pendingAcks(): { id: number; ok: boolean; error?: string }[] {
    const rows = this.db
      .prepare('SELECT instruction_id, ok, error FROM pending_acks ORDER BY instruction_id')
      .all() as {
      instruction_id: number
      ok: number
      error: string | null
    }[]
    return rows.map((r) => ({ id: r.instruction_id, ok: r.ok === 1, ...(r.error ? { error: r.error } : {}) }))
  }

  hasAck(instructionId: number): boolean {
    return this.db.prepare('SELECT 1 FROM pending_acks WHERE instruction_id = ?').get(instructionId) !== undefined
  }

  deliveredAcks(ids: number[]) {
    const remove = this.db.prepare('DELETE FROM pending_acks WHERE instruction_id = ?')
    this.write(() => {
      for (const id of ids) remove.run(id)
    })
  }

  close() {
    this.db.close()
  }
}
