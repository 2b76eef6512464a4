// What a target server runs (sysjobservers for one server) and what it has run (sysjobhistory for one server).
import 'server-only'
import type { Db } from '../db/client'
import { type RunOutcomeLabel, runOutcomeLabel } from './run-outcomes'

/** A target shows at most this many of its jobs and history rows; the Jobs pages hold the rest. */
export const TARGET_JOBS_SHOWN = 200
export const TARGET_HISTORY_SHOWN = 50

export interface TargetJob {
  name: string
  /** applied to the server itself, not only through a group */
  direct: boolean
  /** the target's groups through which the job reaches it */
  viaGroups: string[]
  lastRunOutcome: number
  outcome: RunOutcomeLabel
  message: string | null
  lastRunAt: string | null
  durationMs: number | null
}

export interface TargetHistoryRow {
  id: number
  runId: string
  jobName: string
  /** 0 is the job's own outcome */
  stepNumber: number
  stepName: string
  runStatus: number
  outcome: RunOutcomeLabel
  message: string
  startedAt: string
  durationMs: number
}

export async function targetJobs(db: Db, targetId: number): Promise<{ rows: TargetJob[]; total: number }> {
  const where = { targetId }
  const [total, servers] = await Promise.all([
    db.jobServer.count({ where }),
    db.jobServer.findMany({
      where,
      orderBy: { job: { nameKey: 'asc' } },
      take: TARGET_JOBS_SHOWN,
      include: {
        job: {
          select: {
            name: true,
            groups: {
              where: { group: { members: { some: { targetId } } } },
              select: { group: { select: { name: true } } },
            },
          },
        },
      },
    }),
  ])
  const rows = servers.map((s) => ({
    name: s.job.name,
    direct: s.direct,
    viaGroups: s.job.groups.map((g) => g.group.name).sort(),
    lastRunOutcome: s.lastRunOutcome,
    outcome: runOutcomeLabel(s.lastRunOutcome),
    message: s.lastOutcomeMessage,
    lastRunAt: s.lastRunAt?.toISOString() ?? null,
    durationMs: s.lastRunDurationMs,
  }))
  return { rows, total }
}

/** The target's latest job and step outcomes, newest first. */
export async function targetJobHistory(db: Db, targetId: number): Promise<TargetHistoryRow[]> {
  const rows = await db.jobHistory.findMany({
    where: { targetId },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: TARGET_HISTORY_SHOWN,
  })
  return rows.map((r) => ({
    id: r.id,
    runId: r.runId,
    jobName: r.jobName,
    stepNumber: r.stepNumber,
    stepName: r.stepName,
    runStatus: r.runStatus,
    outcome: runOutcomeLabel(r.runStatus),
    message: r.message,
    startedAt: r.startedAt.toISOString(),
    durationMs: r.durationMs,
  }))
}
