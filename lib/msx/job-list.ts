// Multiserver jobs as lists (sp_help_job): every job with how it last went on its targets, and one job in
// full, its definition written in the job-file format so that it can be saved and applied again.
import 'server-only'
import type { Db } from '../db/client'
import { type JobFile, jobFileOf } from './job-file-of'
import { findJob } from './jobs'
import { type RunOutcomeLabel, runOutcomeLabel } from './run-outcomes'

export interface JobSummary {
  name: string
  enabled: boolean
  description: string
  version: number
  steps: number
  schedules: number
  targets: number
  /** how many of its targets last ended each way, e.g. { Succeeded: 3, Failed: 1 } */
  lastOutcomes: Partial<Record<RunOutcomeLabel, number>>
  lastRunAt: string | null
}

export async function listJobs(db: Db): Promise<JobSummary[]> {
  const jobs = await db.job.findMany({
    orderBy: { nameKey: 'asc' },
    include: {
      _count: { select: { steps: true, schedules: true } },
      servers: { select: { lastRunOutcome: true, lastRunAt: true } },
    },
  })
  const fromHistory = await lastRunsOfFormerTargets(
    db,
    jobs.filter((job) => job.servers.every((s) => s.lastRunAt === null)).map((job) => job.id),
  )
  return jobs.map((job) => {
    const lastOutcomes: JobSummary['lastOutcomes'] = {}
    const ran = fromHistory.get(job.id)
    const outcomes = ran ? [{ lastRunOutcome: ran.runStatus, lastRunAt: ran.startedAt }] : job.servers
    for (const s of outcomes) {
      const label = runOutcomeLabel(s.lastRunOutcome)
      lastOutcomes[label] = (lastOutcomes[label] ?? 0) + 1
    }
    const lastRun = Math.max(0, ...outcomes.map((s) => s.lastRunAt?.getTime() ?? 0))
    return {
      name: job.name,
      enabled: job.enabled,
      description: job.description,
      version: job.version,
      steps: job._count.steps,
      schedules: job._count.schedules,
      targets: job.servers.length,
      lastOutcomes,
      lastRunAt: lastRun > 0 ? new Date(lastRun).toISOString() : null,
    }
  })
}

/**
 * A job no current target has run may have run on targets that have since left (defected, or no longer in
 * its groups): its last run is then the newest job outcome in its history.
 */
async function lastRunsOfFormerTargets(db: Db, jobIds: number[]) {
  const runs = new Map<number, { runStatus: number; startedAt: Date }>()
  if (jobIds.length === 0) return runs
  const newest = await db.jobHistory.groupBy({
    by: ['jobId'],
    where: { jobId: { in: jobIds }, stepNumber: 0 },
    _max: { startedAt: true },
  })
  const pairs = newest.flatMap((n) =>
    n.jobId !== null && n._max.startedAt ? [{ jobId: n.jobId, startedAt: n._max.startedAt }] : [],
  )
  if (pairs.length === 0) return runs
  const rows = await db.jobHistory.findMany({
    where: { stepNumber: 0, OR: pairs },
    select: { jobId: true, runStatus: true, startedAt: true },
  })
  for (const row of rows) if (row.jobId !== null) runs.set(row.jobId, row)
  return runs
}

export interface JobTargetState {
  name: string
  /** applied to the server itself, not only through a group */
  direct: boolean
  lastRunOutcome: number
  outcome: RunOutcomeLabel
  message: string | null
  lastRunAt: string | null
  durationMs: number | null
}

export interface JobDescription {
  version: number
  owner: string
  /** while its schedules are paused: until when */
  pausedUntil: string | null
  definition: JobFile
  targets: JobTargetState[]
}

export async function describeJob(db: Db, name: string): Promise<JobDescription> {
  const found = await findJob(db, name)
  const [job, definition] = await Promise.all([
    db.job.findUniqueOrThrow({
      where: { id: found.id },
      include: { servers: { include: { target: { select: { name: true } } } } },
    }),
    jobFileOf(db, found.id),
  ])
  const servers = [...job.servers].sort((a, b) => a.target.name.localeCompare(b.target.name))
  return {
    version: job.version,
    owner: job.owner,
    pausedUntil: job.pausedUntil && job.pausedUntil > new Date() ? job.pausedUntil.toISOString() : null,
    definition,
    targets: servers.map((s) => ({
      name: s.target.name,
      direct: s.direct,
      lastRunOutcome: s.lastRunOutcome,
      outcome: runOutcomeLabel(s.lastRunOutcome),
      message: s.lastOutcomeMessage,
      lastRunAt: s.lastRunAt?.toISOString() ?? null,
      durationMs: s.lastRunDurationMs,
    })),
  }
}
