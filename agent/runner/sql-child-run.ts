// What the process a SQL step runs in does: reads { url, command } on standard input, runs the statements against that
// database, prints what they returned, exits 0 when they succeeded and 1 with the database's error when not.
// A process of its own, like CmdExec, so that a timeout or STOP can end it (better-sqlite3 blocks its thread)
// and so that it can run as a proxy's OS account. On SIGTERM a PostgreSQL statement is canceled on the server.
import { fileURLToPath } from 'node:url'
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { z } from 'zod'
import { sqliteOptions } from '../runtime'

const request = z.object({ url: z.string(), command: z.string() })
const MAX_ROWS_SHOWN = 1000

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(0 rows)'
  const columns = Object.keys(rows[0] ?? {})
  const cell = (v: unknown) =>
    v === null || v === undefined ? 'NULL' : v instanceof Date ? v.toISOString() : String(v)
  const lines = rows.slice(0, MAX_ROWS_SHOWN).map((row) => columns.map((c) => cell(row[c])).join('\t'))
  const more = rows.length > MAX_ROWS_SHOWN ? [`... ${rows.length - MAX_ROWS_SHOWN} more rows`] : []
  return [columns.join('\t'), ...lines, ...more, `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n')
}

// each driver is loaded only when a step needs it: this process starts for every SQL step
async function runSqlite(url: string, command: string) {
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(fileURLToPath(url.replace(/^sqlite:/, 'file:')), { fileMustExist: false, ...sqliteOptions() })
  try {
    db.pragma('busy_timeout = 10000')
    let statement: Database.Statement | null = null
    try {
      statement = db.prepare(command)
    } catch (error) {
      // several statements: run them as a script (better-sqlite3 prepares one statement at a time)
      if (!/more than one statement/i.test((error as Error).message)) throw error
    }
    if (!statement) {
      db.exec(command)
      return 'Statements executed.'
    }
    if (statement.reader) return table(statement.all() as Record<string, unknown>[])
    const { changes } = statement.run()
    return `(${changes} row${changes === 1 ? '' : 's'} affected)`
  } finally {
    db.close()
  }
}

async function runPostgres(url: string, command: string) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url, application_name: 'msx-agent step' })
  await client.connect()
  // the server process serving this connection (not in @types/pg): what pg_cancel_backend takes
  const backend = (client as unknown as { processID: number | null }).processID
  process.once('SIGTERM', () => void cancelPostgres(url, backend).finally(() => process.exit(1)))
  try {
    const results = await client.query(command)
    return (Array.isArray(results) ? results : [results])
      .map((r: pg.QueryResult) =>
        r.fields.length > 0
          ? table(r.rows)
          : r.rowCount === null
            ? (r.command ?? 'OK')
            : `${r.command} (${r.rowCount} row${r.rowCount === 1 ? '' : 's'} affected)`,
      )
      .join('\n')
  } finally {
    await client.end()
  }
}

async function cancelPostgres(url: string, pid: number | null) {
  if (pid === null) return
  const { default: pg } = await import('pg')
  const canceller = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await canceller.connect()
    await canceller.query('SELECT pg_cancel_backend($1)', [pid])
    console.error('The statement was canceled on the server.')
  } catch {
    // the server is gone or refuses: the statement ends when the connection closes
  } finally {
    await canceller.end().catch(() => {})
  }
}

async function main() {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const { url, command } = request.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')))
  const output = /^(file|sqlite):/.test(url) ? await runSqlite(url, command) : await runPostgres(url, command)
  process.stdout.write(`${output}\n`)
}

export function runSqlChild() {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(1)
    },
  )
}
