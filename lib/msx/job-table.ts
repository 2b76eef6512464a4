// The Jobs list of the dashboard (sp_help_job across the fleet): each job with its targets, how its last runs
// went, its last and next run; searched, filtered, sorted and paged.
import 'server-only'
import { z } from 'zod'
import type { Prisma } from '../../generated/sqlite/client'
import { type Db, providerOf } from '../db/client'
import { refreshNextRuns } from './job-summaries'
import { nameKey } from './names'
import { nextRunOf } from './next-run'
import { pageFields, pageWindow } from './paging'

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

type Order = 'asc' | 'desc'
const flip = (dir: Order): Order => (dir === 'asc' ? 'desc' : 'asc')

/**
 * The database's order for a sort column, ascending as the column reads (names A to Z, the worst outcome first,
 * the newest last run first, the soonest next run first, nulls last); descending reverses all of it.
 */
function orderBy(sort: (typeof JOB_SORT_COLUMNS)[number], dir: Order): Prisma.JobOrderByWithRelationInput[] {
  const d = (order: Order) => (dir === 'asc' ? order : flip(order))
  const nullsLast = (order: Order) => ({
    sort: d(order),
    nulls: dir === 'asc' ? ('last' as const) : ('first' as const),
  })
  const byName = { nameKey: d('asc') }
  switch (sort) {
    case 'name':
      return [byName]
    case 'category':
      return [{ category: d('asc') }, byName]
    case 'enabled':
      return [{ enabled: d('desc') }, byName]
    case 'owner':
      return [{ owner: d('asc') }, byName]
    case 'targets':
      return [{ summary: { targets: d('asc') } }, byName]
    case 'missed':
      return [{ summary: { missedRecent: d('asc') } }, byName]
    case 'lastOutcome':
      return [
        ...(['failed', 'running', 'retry', 'canceled', 'succeeded'] as const).map((n) => ({
          summary: { [n]: d('desc') },
        })),
        byName,
      ]
    case 'lastRun':
      return [{ summary: { lastRunAt: nullsLast('desc') } }, byName]
    case 'nextRun':
      return [{ summary: { nextRunAt: nullsLast('asc') } }, byName]
  }
}

function outcomeWhere(outcome: JobOutcomeFilter | undefined): Prisma.JobWhereInput {
  switch (outcome) {
    case 'failed':
      return { summary: { failed: { gt: 0 } } }
    case 'running':
      return { summary: { running: { gt: 0 } } }
    case 'never':
      return { summary: { lastRunAt: null } }
    case 'missed':
      return { summary: { missedRecent: { gt: 0 } } }
    case undefined:
      return {}
  }
}

/**
 * The Jobs list, filtered, sorted and paged in the database over each job's summary (job_summaries), so that a
 * thousand jobs on ten thousand targets answer as fast as ten; only the page's next runs are worked out here.
 */
export async function listJobRows(db: Db, rawQuery: JobListQuery = {}, now = new Date()): Promise<JobList> {
  const query = jobListQuery.parse(rawQuery)
  // stored next runs are worked out again when they have passed or the schedules changed, before they are sorted on
  if (query.sort === 'nextRun') await refreshNextRuns(db, now)
  const categoryRows = await db.job.findMany({ distinct: ['category'], select: { category: true } })
  const categories = categoryRows.map((c) => c.category).sort((a, b) => a.localeCompare(b))
  // SQL Server compares names case-insensitively, and so does the category filter, on both databases
  const sameCategory = query.category
    ? categories.filter((c) => nameKey(c) === nameKey(query.category ?? ''))
    : undefined
  const mode = providerOf(db) === 'postgresql' ? { mode: 'insensitive' as const } : {}
  const where: Prisma.JobWhereInput = {
    AND: [
      query.search
        ? {
            OR: [
              { nameKey: { contains: nameKey(query.search) } },
              { description: { contains: query.search, ...mode } },
            ],
          }
        : {},
      sameCategory ? { category: { in: sameCategory } } : {},
      query.enabled ? { enabled: query.enabled === 'yes' } : {},
      outcomeWhere(query.outcome),
    ],
  }
  const [jobs, total] = await Promise.all([
    db.job.findMany({
      where,
      orderBy: orderBy(query.sort, query.dir),
      ...pageWindow(query),
      select: {
        name: true,
        description: true,
        category: true,
        enabled: true,
        owner: true,
        version: true,
        pausedUntil: true,
        summary: true,
        schedules: { select: { enabled: true, cron: true, runAt: true, startsAt: true, endsAt: true } },
      },
    }),
    db.job.count({ where }),
  ])
  return {
    rows: jobs.map((job): JobRow => {
      const s = job.summary
      return {
        name: job.name,
        description: job.description,
        category: job.category,
        enabled: job.enabled,
        owner: job.owner,
        version: job.version,
        targets: s?.targets ?? 0,
        current: s?.currentTargets ?? 0,
        outcomes: {
          succeeded: s?.succeeded ?? 0,
          failed: s?.failed ?? 0,
          running: s?.running ?? 0,
          canceled: s?.canceled ?? 0,
          retry: s?.retry ?? 0,
          never: s?.never ?? 0,
        },
        lastRunAt: s?.lastRunAt?.toISOString() ?? null,
        nextRunAt: nextRunOf(job, now)?.toISOString() ?? null,
        missed: s?.missedRecent ?? 0,
        pausedUntil: job.pausedUntil && job.pausedUntil > now ? job.pausedUntil.toISOString() : null,
      }
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    categories,
  }
}
