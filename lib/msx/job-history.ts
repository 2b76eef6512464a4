// A job's history (sp_help_jobhistory): its runs on each target, newest first, each with its steps.
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
import { notFound } from './errors'
import { nameKey } from './names'
import { type RunOutcomeLabel, runOutcomeLabel } from './run-outcomes'

export const jobHistoryQuery = z.object({
  job: z.string({ error: 'Name the job.' }).trim().min(1, 'Name the job.').max(128),
  target: z.string().trim().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1, 'The limit is at least 1.').max(500, 'The limit is at most 500.').default(50),
})
export type JobHistoryQuery = z.input<typeof jobHistoryQuery>

export interface StepRun {
  stepNumber: number
  stepName: string
  runStatus: number
  outcome: RunOutcomeLabel
  message: string
  startedAt: string
  durationMs: number
  retriesAttempted: number
  output: string
}

export interface JobRun {
  runId: string
  jobName: string
  targetName: string
  runStatus: number
  outcome: RunOutcomeLabel
  message: string
  startedAt: string
  durationMs: number
  steps: StepRun[]
}

/** The latest runs of a job (also of one deleted since, by its name), optionally on one target. */
export async function listJobHistory(db: Db, rawQuery: JobHistoryQuery): Promise<JobRun[]> {
  const query = jobHistoryQuery.parse(rawQuery)
  const job = await db.job.findUnique({ where: { nameKey: nameKey(query.job) }, select: { id: true } })
  const ofJob = job ? { jobId: job.id } : { jobName: query.job }
  let ofTarget = {}
  if (query.target) {
    const target = await db.targetServer.findUnique({ where: { nameKey: nameKey(query.target) }, select: { id: true } })
    ofTarget = target ? { targetId: target.id } : { targetName: query.target }
  }
  const runs = await db.jobHistory.findMany({
    where: { ...ofJob, ...ofTarget, stepNumber: 0 },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: query.limit,
  })
  if (runs.length === 0 && !job) throw notFound(`There is no multiserver job named "${query.job}", nor history of one.`)
  const steps = await db.jobHistory.findMany({
    where: { runId: { in: runs.map((r) => r.runId) }, stepNumber: { gt: 0 } },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
  })
  return runs.map((run) => ({
    runId: run.runId,
    jobName: run.jobName,
    targetName: run.targetName,
    runStatus: run.runStatus,
    outcome: runOutcomeLabel(run.runStatus),
    message: run.message,
    startedAt: run.startedAt.toISOString(),
    durationMs: run.durationMs,
    steps: steps.filter((s) => s.runId === run.runId && s.targetId === run.targetId).map(stepRunOf),
  }))
}

/** A step's row of history as the dashboard and the CLI show it. */
export function stepRunOf(s: {
  stepNumber: number
  stepName: string
  runStatus: number
  message: string
  startedAt: Date
  durationMs: number
  retriesAttempted: number
  output: string
}): StepRun {
  return {
    stepNumber: s.stepNumber,
    stepName: s.stepName,
    runStatus: s.runStatus,
    outcome: runOutcomeLabel(s.runStatus),
    message: s.message,
    startedAt: s.startedAt.toISOString(),
    durationMs: s.durationMs,
    retriesAttempted: s.retriesAttempted,
    output: s.output,
  }
}
