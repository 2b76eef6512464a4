// A master with many jobs and a long history, in a fresh SQLite database, seeded in bulk SQL (through the rules it
// would take hours): JOBS jobs of one step and one schedule, one of them (JOB-1) on every target, each other one on
// about TARGETS / JOBS targets; every holding has RUNS runs an hour apart, each a job outcome row and a step row,
// one run in 17 failed; one target in 50 is running JOB-1 now (half of them on agents that do not report
// progress); one holding in 10 missed every third run (offline, skipped while still running, or started late, in
// turn).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDb, type Db } from '../../lib/db/client'
import { migrateDeploy } from '../../lib/db/migrate'
import { refreshMissedCounts, refreshNextRuns } from '../../lib/msx/job-summaries'
import { ensureMaster } from '../../lib/msx/master'
import { seedFleet } from '../../test/support/fleet'

export const BIG_JOB = 'JOB-1'

export interface JobFleet {
  db: Db
  jobs: number
  targets: number
  historyRows: number
  missedRuns: number
  close(): Promise<void>
}

const ISO = `'%Y-%m-%dT%H:%M:%f+00:00'`

export async function createJobFleet(shape: { jobs: number; targets: number; runs: number }): Promise<JobFleet> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-bench-jobs-'))
  const url = `file:${path.join(dir, 'msx.db')}`
  await migrateDeploy(url)
  const db = await createDb(url)
  await ensureMaster(db, 'MSXBENCH')
  await seedFleet(db, 'FLEET', shape.targets)
  const others = Math.max(1, shape.jobs - 1)
  await db.$executeRawUnsafe(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${shape.jobs})
    INSERT INTO jobs (name, name_key, description, enabled, category, owner, version, created_at, updated_at)
    SELECT 'JOB-' || i, 'JOB-' || i, 'bench job ' || i, CASE WHEN i % 10 = 0 THEN 0 ELSE 1 END,
      'Category ' || (i % 5), 'bench', 1, strftime(${ISO}, 'now'), strftime(${ISO}, 'now') FROM n`)
  await db.$executeRawUnsafe(`
    INSERT INTO job_steps (job_id, step_number, name, kind, command, on_success, on_failure, retry_attempts, retry_interval_seconds)
    SELECT id, 1, 'work', 'cmdexec', 'true', 'next', 'quit-failure', 0, 0 FROM jobs`)
  await db.$executeRawUnsafe(`
    INSERT INTO job_schedules (job_id, name, enabled, cron) SELECT id, 'nightly', 1, CAST(id % 60 AS TEXT) || ' 2 * * *' FROM jobs`)
  await db.$executeRawUnsafe(`
    INSERT INTO job_servers (job_id, target_id, direct, last_run_outcome, last_run_at, held_version)
    SELECT j.id, t.id, 1, CASE WHEN t.id % 17 = 0 THEN 0 ELSE 1 END, strftime(${ISO}, 'now', '-1 hours'), 1
    FROM jobs j, target_servers t
    WHERE j.name = '${BIG_JOB}' OR (j.name <> '${BIG_JOB}' AND t.id % ${others} = j.id % ${others})`)
  await db.$executeRawUnsafe(`
    UPDATE job_servers SET current_run_id = 'now-' || target_id, current_run_started_at = strftime(${ISO}, 'now', '-5 minutes'),
      current_step_number = 1, current_step_name = 'work', current_step_started_at = strftime(${ISO}, 'now', '-5 minutes'),
      progress_reported_at = strftime(${ISO}, 'now')
    WHERE target_id % 50 = 0 AND job_id = (SELECT id FROM jobs WHERE name = '${BIG_JOB}')`)
  // half of them on agents that do not report progress: their runs are inferred from the steps that arrived
  await db.$executeRawUnsafe(`
    UPDATE job_servers SET progress_reported_at = NULL, current_step_number = NULL, current_step_name = NULL,
      current_step_started_at = NULL, ended_step_number = 1, ended_step_name = 'work', ended_step_outcome = 1,
      ended_step_received_at = strftime(${ISO}, 'now', '-1 minutes')
    WHERE target_id % 100 = 0 AND job_id = (SELECT id FROM jobs WHERE name = '${BIG_JOB}')`)
  await db.$executeRawUnsafe(`
    WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < ${shape.runs}),
      s(k) AS (SELECT 0 UNION ALL SELECT 1)
    INSERT INTO job_history (idempotency_key, job_id, job_name, target_id, target_name, run_id, step_number, step_name,
      run_status, message, output, started_at, duration_ms, retries_attempted, received_at)
    SELECT js.job_id || ':' || js.target_id || ':' || r.i || ':' || s.k, js.job_id, j.name, js.target_id, t.name,
      js.job_id || '-' || js.target_id || '-' || r.i, s.k, CASE s.k WHEN 0 THEN '(job outcome)' ELSE 'work' END,
      CASE WHEN (js.target_id + r.i) % 17 = 0 THEN 0 ELSE 1 END, '', CASE s.k WHEN 1 THEN 'done' ELSE '' END,
      strftime(${ISO}, 'now', '-' || r.i || ' hours'), 1000 + ((js.target_id * 7 + r.i * 13) % 500), 0,
      strftime(${ISO}, 'now', '-' || r.i || ' hours')
    FROM job_servers js JOIN jobs j ON j.id = js.job_id JOIN target_servers t ON t.id = js.target_id, r, s`)
  await db.$executeRawUnsafe(`
    WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < ${shape.runs})
    INSERT INTO missed_runs (job_id, schedule_name, target_id, target_name, due_at, reason, seen_at, late_by_ms, recorded_at)
    SELECT js.job_id, 'nightly', js.target_id, t.name, strftime(${ISO}, 'now', '-' || r.i || ' hours', '-30 minutes'),
      CASE r.i % 9 WHEN 0 THEN 'offline' WHEN 3 THEN 'still-running' ELSE 'late' END,
      strftime(${ISO}, 'now', '-' || (r.i + 1) || ' hours'), CASE r.i % 9 WHEN 6 THEN 120000 ELSE NULL END,
      strftime(${ISO}, 'now', '-' || r.i || ' hours')
    FROM job_servers js JOIN target_servers t ON t.id = js.target_id, r
    WHERE js.target_id % 10 = 0 AND r.i % 3 = 0`)
  // what the master's workers keep of each job's summary: its next run and its runs missed in the last 24 hours
  await refreshNextRuns(db)
  await refreshMissedCounts(db)
  await db.$executeRawUnsafe('ANALYZE')
  const historyRows = await db.jobHistory.count()
  const missedRuns = await db.missedRun.count()
  return {
    db,
    jobs: shape.jobs,
    targets: shape.targets,
    historyRows,
    missedRuns,
    close: async () => {
      await db.$disconnect()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
