// A job's runs for its History tab: the list (filtered by target, group, outcome and a time window, paged in the
// database) and the grid (each target's latest runs side by side), each run measured against its target's usual
// duration: the p95 of that target's recent runs, a run over twice that being "longer than usual".
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
import { join, sql, timestampOperand } from '../db/sql'
import { percentile } from '../stats/percentiles'
import { type StepRun, stepRunOf } from './job-history'
import { findJob } from './jobs'
import { nameKey } from './names'
import { notificationsOfRuns } from './notification-state'
import { pageFields } from './paging'
import { type RunOutcomeLabel, runOutcomeLabel } from './run-outcomes'
import { type OutputPreview, outputPreview } from './step-output'
import { isLongerThanUsual } from './usual-duration'

/** The recent runs a target's usual duration is measured over. */
export const USUAL_OVER_RUNS = 50
/** The runs of each target the grid shows. */
export const GRID_RUNS = 20
/** History's list counts the runs past its page only this far. */
export const COUNTED_AHEAD = 1000

/** The default time window of the runs list, when the URL gives none. */
export const DEFAULT_WINDOW_DAYS = 7

const RUN_OUTCOME_FILTERS = { failed: 0, succeeded: 1, retry: 2, canceled: 3 } as const

export const jobRunsQuery = z.object({
  target: z.string().trim().max(128).optional(),
  group: z.string().trim().max(128).optional(),
  outcome: z.enum(Object.keys(RUN_OUTCOME_FILTERS) as [keyof typeof RUN_OUTCOME_FILTERS]).optional(),
  /** ISO dates; the window defaults to the last DEFAULT_WINDOW_DAYS days */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...pageFields,
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
})
export type JobRunsQuery = z.input<typeof jobRunsQuery>

export interface RunSummary {
  runId: string
  targetName: string
  outcome: RunOutcomeLabel
  message: string
  startedAt: string
  durationMs: number
  /** the target's usual duration (p95 of its recent runs), when it has some */
  usualMs: number | null
  longerThanUsual: boolean
}

/** A notification of the run, as its History shows it. */
export interface RunNoticeView {
  channel: string
  state: 'PENDING' | 'SENT' | 'FAILED'
  attempts: number
  /** when it was sent, or (pending) when it is tried next */
  at: string | null
  /** the server's answer when sent, the last error otherwise */
  answer: string | null
}

/** A step of a run as History's list shows it: its output's tail, the whole text read by its history row's id. */
export type StepView = StepRun & OutputPreview & { id: number }

export interface JobRunList {
  rows: (RunSummary & { steps: StepView[]; notifications: RunNoticeView[] })[]
  /** the runs that match, counted up to COUNTED_AHEAD past the page: at least that many when totalIsAtLeast */
  total: number
  totalIsAtLeast: boolean
  page: number
  pageSize: number
  from: string
  to: string
  /** the groups the job is applied to or its targets are in, for the group filter */
  groups: string[]
}

export interface GridRow {
  targetName: string
  usualMs: number | null
  /** oldest first, at most GRID_RUNS */
  runs: RunSummary[]
}

/** A target's usual duration: the p95 of the durations of its latest runs (at most USUAL_OVER_RUNS), if any. */
export function usualOf(durations: number[]): number | null {
  return durations.length > 0 ? percentile(Float64Array.from(durations).sort(), 95) : null
}

/** Each target's usual duration of this job: the p95 of its latest runs. */
export async function usualDurations(db: Db, jobId: number, targetIds: number[]) {
  const usual = new Map<number, number>()
  await Promise.all(
    targetIds.map(async (targetId) => {
      const runs = await db.jobHistory.findMany({
        where: { jobId, targetId, stepNumber: 0 },
        orderBy: { startedAt: 'desc' },
        take: USUAL_OVER_RUNS,
        select: { durationMs: true },
      })
      const usualMs = usualOf(runs.map((r) => r.durationMs))
      if (usualMs !== null) usual.set(targetId, usualMs)
    }),
  )
  return usual
}

type HistoryRow = {
  runId: string
  targetId: number | null
  targetName: string
  runStatus: number
  message: string
  startedAt: Date
  durationMs: number
}

export function runSummary(row: HistoryRow, usualMs: number | null): RunSummary {
  return {
    runId: row.runId,
    targetName: row.targetName,
    outcome: runOutcomeLabel(row.runStatus),
    message: row.message,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    usualMs,
    longerThanUsual: isLongerThanUsual(row.durationMs, usualMs),
  }
}

export const RUN_FIELDS = {
  runId: true,
  targetId: true,
  targetName: true,
  runStatus: true,
  message: true,
  startedAt: true,
  durationMs: true,
} as const

export async function listJobRuns(db: Db, jobName: string, rawQuery: JobRunsQuery = {}, now = new Date()) {
  const query = jobRunsQuery.parse(rawQuery)
  const job = await findJob(db, jobName)
  const to = query.to ? new Date(query.to) : now
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000)
  const [targetNames, memberIds] = await Promise.all([
    query.target ? sameNamed(db, query.target) : undefined,
    query.group ? groupMemberIds(db, query.group) : undefined,
  ])
  const runStatus = query.outcome ? RUN_OUTCOME_FILTERS[query.outcome] : undefined
  const where = {
    jobId: job.id,
    stepNumber: 0,
    startedAt: { gte: from, lte: to },
    ...(targetNames ? { targetName: { in: targetNames } } : {}),
    ...(memberIds ? { targetId: { in: memberIds } } : {}),
    ...(runStatus !== undefined ? { runStatus } : {}),
  }
  // a job on a large fleet has hundreds of thousands of runs in a window: they are counted only so far ahead
  const countUpTo = query.page * query.pageSize + COUNTED_AHEAD
  const conditions = [
    sql`job_id = ${job.id}`,
    sql`step_number = 0`,
    sql`started_at >= ${timestampOperand(db, from)}`,
    sql`started_at <= ${timestampOperand(db, to)}`,
    ...(targetNames ? [sql`target_name IN (${join(targetNames)})`] : []),
    ...(query.group
      ? [
          sql`target_id IN (SELECT m.target_id FROM target_server_group_members m
            JOIN target_server_groups g ON g.id = m.group_id WHERE g.name_key = ${nameKey(query.group)})`,
        ]
      : []),
    ...(runStatus !== undefined ? [sql`run_status = ${runStatus}`] : []),
  ]
  const [[counted], rows] = await Promise.all([
    // Prisma's count with take sorts before it limits; a bounded subquery reads the index only so far
    db.$queryRaw<{ n: number | bigint }[]>`
      SELECT COUNT(*) AS n FROM (SELECT 1 FROM job_history WHERE ${join(conditions, ' AND ')} LIMIT ${countUpTo + 1}) AS runs`,
    db.jobHistory.findMany({
      where,
      // the index's own order (job, step, start, outcome, then the row): a page is read from it, never sorted
      orderBy: [{ startedAt: 'desc' }, { runStatus: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: RUN_FIELDS,
    }),
  ])
  const total = Number(counted?.n ?? 0)
  const [usual, steps, notices, groups] = await Promise.all([
    usualDurations(db, job.id, [...new Set(rows.flatMap((r) => (r.targetId ? [r.targetId] : [])))]),
    db.jobHistory.findMany({
      where: { jobId: job.id, runId: { in: rows.map((r) => r.runId) }, stepNumber: { gt: 0 } },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    }),
    notificationsOfRuns(
      db,
      rows.map((r) => r.runId),
    ),
    groupsOfJob(db, job.id),
  ])
  return {
    rows: rows.map((r) => ({
      ...runSummary(r, r.targetId ? (usual.get(r.targetId) ?? null) : null),
      steps: steps
        .filter((s) => s.runId === r.runId && s.targetId === r.targetId)
        .map((s) => ({ ...stepRunOf(s), ...outputPreview(s.output), id: s.id })),
      notifications: (notices.get(r.runId) ?? [])
        .filter((n) => n.targetName === r.targetName)
        .map((n) => ({
          channel: n.channel,
          state: n.state,
          attempts: n.attempts,
          at: (n.state === 'SENT' ? n.sentAt : n.nextAttemptAt)?.toISOString() ?? null,
          answer: n.state === 'SENT' ? n.answer : n.lastError,
        })),
    })),
    total: Math.min(total, countUpTo),
    totalIsAtLeast: total > countUpTo,
    page: query.page,
    pageSize: query.pageSize,
    from: from.toISOString(),
    to: to.toISOString(),
    groups,
  } satisfies JobRunList
}

// history rows keep the target's id, not a relation to it: a group's members are found first
async function groupMemberIds(db: Db, group: string) {
  const members = await db.targetServerGroupMember.findMany({
    where: { group: { nameKey: nameKey(group) } },
    select: { targetId: true },
  })
  return members.map((m) => m.targetId)
}

async function groupsOfJob(db: Db, jobId: number) {
  const groups = await db.targetServerGroup.findMany({
    where: {
      OR: [{ jobs: { some: { jobId } } }, { members: { some: { target: { jobServers: { some: { jobId } } } } } }],
    },
    orderBy: { nameKey: 'asc' },
    take: 500,
    select: { name: true },
  })
  return groups.map((g) => g.name)
}

// history keeps the name a target had, so a target is found by its name as it was written
async function sameNamed(db: Db, target: string) {
  const found = await db.targetServer.findUnique({ where: { nameKey: nameKey(target) }, select: { name: true } })
  return [...new Set([target, found?.name ?? target])]
}

/** The grid: for each target holding the job (a page of them, by name), its latest runs, oldest first. */
export async function jobRunGrid(db: Db, jobName: string, page = 1, pageSize = 25) {
  const job = await findJob(db, jobName)
  const [total, holders] = await Promise.all([
    db.jobServer.count({ where: { jobId: job.id } }),
    db.jobServer.findMany({
      where: { jobId: job.id },
      orderBy: { target: { nameKey: 'asc' } },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { targetId: true, target: { select: { name: true } } },
    }),
  ])
  const ids = holders.map((h) => h.targetId)
  const usual = await usualDurations(db, job.id, ids)
  const rows: GridRow[] = await Promise.all(
    holders.map(async (h) => {
      const runs = await db.jobHistory.findMany({
        where: { jobId: job.id, targetId: h.targetId, stepNumber: 0 },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        take: GRID_RUNS,
        select: RUN_FIELDS,
      })
      const usualMs = usual.get(h.targetId) ?? null
      return { targetName: h.target.name, usualMs, runs: runs.reverse().map((r) => runSummary(r, usualMs)) }
    }),
  )
  return { rows, total, page, pageSize }
}
