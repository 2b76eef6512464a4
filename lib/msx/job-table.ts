// The Jobs list of the dashboard (sp_help_job across the fleet): each job with its targets, how its last runs
// went, its last and next run; searched, filtered, sorted and paged. Jobs are few next to targets (a thousand,
// not a hundred thousand), so the per-target figures are counted in the database and the rest is done here.
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
import { recentMissedCounts } from './missed-run-list'
import { nameKey } from './names'
import { pageFields } from './paging'
import { nextScheduleRun, type ScheduleTimes } from './schedule-times'

export const JOB_SORT_COLUMNS = [
  'name',
  'category',
  'enabled',
  'targets',
  'lastOutcome',
  'lastRun',
  'nextRun',
  'missed',
  'owner',
] as const
export const JOB_OUTCOME_FILTERS = ['failed', 'running', 'never', 'missed'] as const
export type JobOutcomeFilter = (typeof JOB_OUTCOME_FILTERS)[number]

export const jobListQuery = z.object({
  search: z.string().trim().max(200).optional(),
  category: z.string().trim().max(128).optional(),
  enabled: z.enum(['yes', 'no']).optional(),
  outcome: z.enum(JOB_OUTCOME_FILTERS).optional(),
  sort: z.enum(JOB_SORT_COLUMNS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  ...pageFields,
})
export type JobListQuery = z.input<typeof jobListQuery>

/** How the targets of a job last ended it: sysjobservers' last_run_outcome, counted. */
export interface JobOutcomeCounts {
  succeeded: number
  failed: number
  running: number
  canceled: number
  retry: number
  /** never run there (or unknown) */
  never: number
}

export interface JobRow {
  name: string
  description: string
  category: string
  enabled: boolean
  owner: string
  version: number
  targets: number
  /** how many of its targets hold its current version */
  current: number
  outcomes: JobOutcomeCounts
  lastRunAt: string | null
  nextRunAt: string | null
  /** its runs missed on its targets in the last 24 hours (not those that started late, nor paused ones) */
  missed: number
  /** while its schedules are paused: until when */
  pausedUntil: string | null
}

export interface JobList {
  rows: JobRow[]
  total: number
  page: number
  pageSize: number
  /** every category the master's jobs use, for the category filter */
  categories: string[]
}

const noOutcomes = (): JobOutcomeCounts => ({ succeeded: 0, failed: 0, running: 0, canceled: 0, retry: 0, never: 0 })

/** The next time any enabled schedule of an enabled job fires, by the master's clock, after any pause. */
export function nextRunOf(
  job: { enabled: boolean; pausedUntil?: Date | null; schedules: (ScheduleTimes & { enabled: boolean })[] },
  now: Date,
) {
  if (!job.enabled) return null
  let next: Date | null = null
  for (const schedule of job.schedules) {
    if (!schedule.enabled) continue
    let at: Date | null = null
    try {
      at = nextScheduleRun(schedule, now, job.pausedUntil)
    } catch {
      at = null // validated when saved: an expression croner no longer reads fires nowhere
    }
    if (at && (!next || at < next)) next = at
  }
  return next
}

function matches(row: JobRow, query: z.output<typeof jobListQuery>) {
  if (query.search) {
    const search = query.search.toLowerCase()
    if (!row.name.toLowerCase().includes(search) && !row.description.toLowerCase().includes(search)) return false
  }
  if (query.category && nameKey(row.category) !== nameKey(query.category)) return false
  if (query.enabled && row.enabled !== (query.enabled === 'yes')) return false
  if (query.outcome === 'failed' && row.outcomes.failed === 0) return false
  if (query.outcome === 'running' && row.outcomes.running === 0) return false
  if (query.outcome === 'never' && row.lastRunAt !== null) return false
  if (query.outcome === 'missed' && row.missed === 0) return false
  return true
}

// the worst outcome first, so that sorting by last outcome brings failures to the top
const outcomeRank = (o: JobOutcomeCounts) => [o.failed, o.running, o.retry, o.canceled, o.succeeded]

function compare(a: JobRow, b: JobRow, sort: (typeof JOB_SORT_COLUMNS)[number]): number {
  const byName = nameKey(a.name).localeCompare(nameKey(b.name))
  const nullsLast = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : 0)
  switch (sort) {
    case 'name':
      return byName
    case 'category':
      return a.category.localeCompare(b.category) || byName
    case 'enabled':
      return Number(b.enabled) - Number(a.enabled) || byName
    case 'targets':
      return a.targets - b.targets || byName
    case 'missed':
      return a.missed - b.missed || byName
    case 'owner':
      return a.owner.localeCompare(b.owner) || byName
    case 'lastOutcome': {
      const [x, y] = [outcomeRank(a.outcomes), outcomeRank(b.outcomes)]
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (y[i] ?? 0) - (x[i] ?? 0)
      return byName
    }
    case 'lastRun':
      return nullsLast(a.lastRunAt, b.lastRunAt) || (b.lastRunAt ?? '').localeCompare(a.lastRunAt ?? '') || byName
    case 'nextRun':
      return nullsLast(a.nextRunAt, b.nextRunAt) || (a.nextRunAt ?? '').localeCompare(b.nextRunAt ?? '') || byName
  }
}

interface HoldingCounts {
  jobId: number | bigint
  targets: number | bigint
  current: number | bigint
  failed: number | bigint
  succeeded: number | bigint
  retry: number | bigint
  canceled: number | bigint
  running: number | bigint
  never: number | bigint
  lastRunAt: string | Date | null
}

/**
 * Each job's targets counted in one pass over job_servers: how many hold its current version, how each last
 * ended (a target reporting a run in progress counts as running, whatever its last outcome), and its last run.
 */
async function holdingCounts(db: Db) {
  const rows = await db.$queryRaw<HoldingCounts[]>`
    SELECT js.job_id AS "jobId", COUNT(*) AS targets,
      SUM(CASE WHEN js.held_version = j.version THEN 1 ELSE 0 END) AS current,
      SUM(CASE WHEN js.current_run_id IS NULL AND js.last_run_outcome = 0 THEN 1 ELSE 0 END) AS failed,
      SUM(CASE WHEN js.current_run_id IS NULL AND js.last_run_outcome = 1 THEN 1 ELSE 0 END) AS succeeded,
      SUM(CASE WHEN js.current_run_id IS NULL AND js.last_run_outcome = 2 THEN 1 ELSE 0 END) AS retry,
      SUM(CASE WHEN js.current_run_id IS NULL AND js.last_run_outcome = 3 THEN 1 ELSE 0 END) AS canceled,
      SUM(CASE WHEN js.current_run_id IS NOT NULL OR js.last_run_outcome = 4 THEN 1 ELSE 0 END) AS running,
      SUM(CASE WHEN js.current_run_id IS NULL AND js.last_run_outcome NOT IN (0, 1, 2, 3, 4) THEN 1 ELSE 0 END)
        AS never,
      MAX(js.last_run_at) AS "lastRunAt"
    FROM job_servers js JOIN jobs j ON j.id = js.job_id
    GROUP BY js.job_id`
  return new Map(
    rows.map((r) => [
      Number(r.jobId),
      {
        targets: Number(r.targets),
        current: Number(r.current),
        outcomes: {
          succeeded: Number(r.succeeded),
          failed: Number(r.failed),
          running: Number(r.running),
          canceled: Number(r.canceled),
          retry: Number(r.retry),
          never: Number(r.never),
        } satisfies JobOutcomeCounts,
        lastRunAt: r.lastRunAt === null ? null : new Date(r.lastRunAt).toISOString(),
      },
    ]),
  )
}

export async function listJobRows(db: Db, rawQuery: JobListQuery = {}, now = new Date()): Promise<JobList> {
  const query = jobListQuery.parse(rawQuery)
  const [jobs, counts, missed] = await Promise.all([
    db.job.findMany({
      select: {
        id: true,
        name: true,
        description: true,
        category: true,
        enabled: true,
        owner: true,
        version: true,
        pausedUntil: true,
        schedules: { select: { enabled: true, cron: true, runAt: true, startsAt: true, endsAt: true } },
      },
    }),
    holdingCounts(db),
    recentMissedCounts(db, now),
  ])
  // the next run is worked out from the schedules (cron), for the page only unless the list is sorted by it
  const byNextRun = query.sort === 'nextRun'
  const nextRunAt = (job: (typeof jobs)[number]) => nextRunOf(job, now)?.toISOString() ?? null
  const all = jobs.map((job): JobRow & { job: (typeof jobs)[number] } => {
    const held = counts.get(job.id)
    return {
      job,
      name: job.name,
      description: job.description,
      category: job.category,
      enabled: job.enabled,
      owner: job.owner,
      version: job.version,
      targets: held?.targets ?? 0,
      current: held?.current ?? 0,
      outcomes: held?.outcomes ?? noOutcomes(),
      lastRunAt: held?.lastRunAt ?? null,
      nextRunAt: byNextRun ? nextRunAt(job) : null,
      missed: missed.get(job.id) ?? 0,
      pausedUntil: job.pausedUntil && job.pausedUntil > now ? job.pausedUntil.toISOString() : null,
    }
  })
  const rows = all.filter((row) => matches(row, query)).sort((a, b) => compare(a, b, query.sort))
  if (query.dir === 'desc') rows.reverse()
  const start = (query.page - 1) * query.pageSize
  return {
    rows: rows
      .slice(start, start + query.pageSize)
      .map(({ job, ...row }) => ({ ...row, nextRunAt: byNextRun ? row.nextRunAt : nextRunAt(job) })),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    categories: [...new Set(jobs.map((j) => j.category))].sort((a, b) => a.localeCompare(b)),
  }
}
