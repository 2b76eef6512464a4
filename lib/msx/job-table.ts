// The Jobs list of the dashboard (sp_help_job across the fleet): each job with its targets, how its last runs
// went, its last and next run; searched, filtered, sorted and paged. Jobs are few next to targets (a thousand,
// not a hundred thousand), so the per-target figures are counted in the database and the rest is done here.
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
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
  'owner',
] as const
export const JOB_OUTCOME_FILTERS = ['failed', 'running', 'never'] as const
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

const OUTCOME_KEYS: Record<number, keyof JobOutcomeCounts> = {
  0: 'failed',
  1: 'succeeded',
  2: 'retry',
  3: 'canceled',
  4: 'running',
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

export async function listJobRows(db: Db, rawQuery: JobListQuery = {}, now = new Date()): Promise<JobList> {
  const query = jobListQuery.parse(rawQuery)
  const [jobs, outcomes, lastRuns, held, inProgress] = await Promise.all([
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
    db.jobServer.groupBy({ by: ['jobId', 'lastRunOutcome'], _count: { _all: true } }),
    db.jobServer.groupBy({ by: ['jobId'], _max: { lastRunAt: true } }),
    db.jobServer.groupBy({ by: ['jobId', 'heldVersion'], _count: { _all: true } }),
    // targets that report a run in progress count as running, whatever their last run's outcome
    db.jobServer.groupBy({
      by: ['jobId', 'lastRunOutcome'],
      where: { currentRunId: { not: null } },
      _count: { _all: true },
    }),
  ])
  const counts = new Map<number, JobOutcomeCounts>()
  for (const group of outcomes) {
    const of = counts.get(group.jobId) ?? noOutcomes()
    of[OUTCOME_KEYS[group.lastRunOutcome] ?? 'never'] += group._count._all
    counts.set(group.jobId, of)
  }
  for (const group of inProgress) {
    const of = counts.get(group.jobId)
    const bucket = OUTCOME_KEYS[group.lastRunOutcome] ?? 'never'
    if (!of || bucket === 'running') continue
    of[bucket] -= group._count._all
    of.running += group._count._all
  }
  const last = new Map(lastRuns.map((r) => [r.jobId, r._max.lastRunAt]))
  const holders = new Map(held.map((h) => [`${h.jobId}:${h.heldVersion}`, h._count._all]))
  const holding = (jobId: number, version: number) => holders.get(`${jobId}:${version}`) ?? 0
  const all: JobRow[] = jobs.map((job) => {
    const of = counts.get(job.id) ?? noOutcomes()
    return {
      name: job.name,
      description: job.description,
      category: job.category,
      enabled: job.enabled,
      owner: job.owner,
      version: job.version,
      targets: Object.values(of).reduce((sum, n) => sum + n, 0),
      current: holding(job.id, job.version),
      outcomes: of,
      lastRunAt: last.get(job.id)?.toISOString() ?? null,
      nextRunAt: nextRunOf(job, now)?.toISOString() ?? null,
      pausedUntil: job.pausedUntil && job.pausedUntil > now ? job.pausedUntil.toISOString() : null,
    }
  })
  const rows = all.filter((row) => matches(row, query)).sort((a, b) => compare(a, b, query.sort))
  if (query.dir === 'desc') rows.reverse()
  const start = (query.page - 1) * query.pageSize
  return {
    rows: rows.slice(start, start + query.pageSize),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    categories: [...new Set(jobs.map((j) => j.category))].sort((a, b) => a.localeCompare(b)),
  }
}
