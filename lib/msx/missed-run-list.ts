// A job's missed runs as its Missed runs tab and `msx job missed` show them: newest due time first, filtered by
// target and reason, in a window (the last 24 hours as the Jobs list counts them, the last 7 days, or all that job
// history keeps), paged in the database.
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
import { findJob } from './jobs'
import { COUNTED_MISSED_REASONS, MISSED_REASONS } from './missed-run-words'
import { nameKey } from './names'
import { pageFields, pageWindow } from './paging'

export const MISSED_WINDOWS = { day: 24, week: 7 * 24, all: null } as const
export type MissedWindow = keyof typeof MISSED_WINDOWS
const HOUR = 3_600_000

export const missedRunsQuery = z.object({
  job: z.string().trim().min(1, 'Name the job whose missed runs to list.').max(128),
  target: z.string().trim().max(128).optional(),
  reason: z.enum(MISSED_REASONS, { error: `Choose a reason among ${MISSED_REASONS.join(', ')}.` }).optional(),
  window: z.enum(['day', 'week', 'all'], { error: 'Choose the window: day, week or all.' }).default('day'),
  ...pageFields,
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
})
export type MissedRunsQuery = z.input<typeof missedRunsQuery>

export interface MissedRunView {
  schedule: string
  target: string
  dueAt: string
  reason: string
  seenAt: string | null
  note: string | null
  lateByMs: number | null
}

export interface MissedRunList {
  rows: MissedRunView[]
  total: number
  page: number
  pageSize: number
  /** the job's targets that have missed runs in the window, for the target filter */
  targets: string[]
}

const since = (window: MissedWindow, now: Date) => {
  const hours = MISSED_WINDOWS[window]
  return hours === null ? undefined : new Date(now.getTime() - hours * HOUR)
}

export async function listMissedRuns(db: Db, rawQuery: MissedRunsQuery, now = new Date()): Promise<MissedRunList> {
  const query = missedRunsQuery.parse(rawQuery)
  const job = await findJob(db, query.job)
  const inWindow = { jobId: job.id, dueAt: { gte: since(query.window, now) } }
  // target names are case-insensitive: the one enlisted now by its key, one that has left by the name it had
  const named = query.target
    ? await db.targetServer.findFirst({ where: { nameKey: nameKey(query.target) }, select: { id: true } })
    : null
  const where = {
    ...inWindow,
    ...(query.target ? { OR: [{ targetName: query.target }, ...(named ? [{ targetId: named.id }] : [])] } : {}),
    ...(query.reason ? { reason: query.reason } : {}),
  }
  const [rows, total, targets] = await Promise.all([
    db.missedRun.findMany({
      where,
      orderBy: [{ dueAt: 'desc' }, { targetName: 'asc' }, { scheduleName: 'asc' }],
      ...pageWindow(query),
    }),
    db.missedRun.count({ where }),
    db.missedRun.findMany({
      where: inWindow,
      distinct: ['targetName'],
      select: { targetName: true },
      orderBy: { targetName: 'asc' },
      take: 500,
    }),
  ])
  return {
    rows: rows.map((r) => ({
      schedule: r.scheduleName,
      target: r.targetName,
      dueAt: r.dueAt.toISOString(),
      reason: r.reason,
      seenAt: r.seenAt?.toISOString() ?? null,
      note: r.note,
      lateByMs: r.lateByMs,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    targets: targets.map((t) => t.targetName),
  }
}

/** Each job's missed runs in the last 24 hours (not the late ones, nor the paused), for the Jobs list. */
export async function recentMissedCounts(db: Db, now: Date): Promise<Map<number, number>> {
  const groups = await db.missedRun.groupBy({
    by: ['jobId'],
    where: { dueAt: { gte: since('day', now) }, reason: { in: COUNTED_MISSED_REASONS } },
    _count: { _all: true },
  })
  return new Map(groups.map((g) => [g.jobId, g._count._all]))
}
