// A fleet for (g), the bulk actions, in a fresh SQLite database seeded in bulk SQL: TARGETS targets named BULK-n,
// each with a client certificate, holding 3 of 20 jobs (acknowledged: the version held) and one SET-POLL waiting;
// plus the targets the concurrent writers change (WRITER-1, POLLER-1..50), which no bulk action touches.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDb, type Db } from '../../lib/db/client'
import { migrateDeploy } from '../../lib/db/migrate'
import { ensureMaster } from '../../lib/msx/master'
import { postOperation } from '../../lib/msx/post-operation'
import { seedFleet } from '../../test/support/fleet'

export const JOBS = 20
export const JOBS_PER_TARGET = 3
export const POLLERS = 50

export interface BulkFleet {
  db: Db
  url: string
  names: string[]
  pollerIds: number[]
  close(): Promise<void>
}

const ISO = `'%Y-%m-%dT%H:%M:%f+00:00'`

export async function createBulkFleet(targets: number): Promise<BulkFleet> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-bench-bulk-'))
  const url = `file:${path.join(dir, 'msx.db')}`
  await migrateDeploy(url)
  const db = await createDb(url)
  await ensureMaster(db, 'MSXBENCH')
  const names = await seedFleet(db, 'BULK', targets)
  await seedFleet(db, 'WRITER', 1)
  await seedFleet(db, 'POLLER', POLLERS)
  await db.$executeRawUnsafe(
    `UPDATE target_servers SET cert_fingerprint = 'sha256:' || name_key WHERE name_key LIKE 'BULK-%'`,
  )
  await db.$executeRawUnsafe(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${JOBS})
    INSERT INTO jobs (name, name_key, description, enabled, category, owner, version, created_at, updated_at)
    SELECT 'JOB-' || i, 'JOB-' || i, 'bench job ' || i, 1, 'Category', 'bench', 1, strftime(${ISO}, 'now'),
      strftime(${ISO}, 'now') FROM n`)
  await db.$executeRawUnsafe(`
    INSERT INTO job_steps (job_id, step_number, name, kind, command, on_success, on_failure, retry_attempts, retry_interval_seconds)
    SELECT id, 1, 'work', 'cmdexec', 'true', 'next', 'quit-failure', 0, 0 FROM jobs`)
  await db.$executeRawUnsafe(`
    INSERT INTO job_servers (job_id, target_id, direct, last_run_outcome, last_run_at, held_version)
    SELECT j.id, t.id, 1, 1, strftime(${ISO}, 'now', '-1 hours'), 1 FROM jobs j, target_servers t
    WHERE t.name_key LIKE 'BULK-%' AND (t.id + j.id) % ${JOBS} < ${JOBS_PER_TARGET}`)
  const ctx = { db, actor: { name: 'bench', address: 'loopback' } }
  await postOperation(ctx, { operation: 'SET-POLL', value: 60, recipients: { all: true } })
  await db.$executeRawUnsafe('ANALYZE')
  const pollers = await db.targetServer.findMany({
    where: { nameKey: { startsWith: 'POLLER-' } },
    select: { id: true },
  })
  return {
    db,
    url,
    names,
    pollerIds: pollers.map((p) => p.id),
    close: async () => {
      await db.$disconnect()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
