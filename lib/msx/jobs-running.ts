// Job runs in progress across the fleet (SSMS's Job Activity Monitor), as far as the master knows. A target that
// reports progress says, with each upload, which runs it has open and on which step (job_servers' current run),
// as of that upload; a run is listed from its start until its job outcome (step 0) arrives. For a target that
// does not report progress, the run is inferred from its steps as they arrive (lib/msx/run-progress): they came
// without its job outcome, so it is still running, past its last uploaded step; it is not seen before its first
// step ends.
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
import { usualDurations } from './job-runs'
import { pageFields } from './paging'
import { type RunOutcomeLabel, runOutcomeLabel } from './run-outcomes'
import { isLongerThanUsual } from './usual-duration'

/** Inferred runs are looked for this far back: a target that went away during a run must not leave it listed for ever. */
export const RUNNING_WINDOW_MS = 24 * 3600_000

export const runningQuery = z.object({
  /** part of the job's name, any case */
  job: z.string().trim().max(128).optional(),
  /** part of the target server's name, any case */
  target: z.string().trim().max(128).optional(),
  longer: z.enum(['yes']).optional(),
  ...pageFields,
})
export type RunningQuery = z.input<typeof runningQuery>

export interface RunningJob {
  job: string
  target: string
  runId: string
  startedAt: string
  elapsedMs: number
  /** the step the run is on, as its target reported it (null before its first step starts) */
  step: { number: number; name: string; startedAt: string | null } | null
  /** a target that does not report progress: the last step whose outcome arrived (the run is on the one after it) */
  afterStep: { number: number; name: string; outcome: RunOutcomeLabel } | null
  /** when the master last heard from the target about this run */
  reportedAt: string | null
  /** the target's usual duration of the job (p95 of its recent runs), when it has some */
  usualMs: number | null
  longerThanUsual: boolean
}

export interface RunningList {
  rows: RunningJob[]
  total: number
  page: number
  pageSize: number
}

type Found = Omit<RunningJob, 'usualMs' | 'longerThanUsual' | 'elapsedMs'> & {
  jobId: number | null
  targetId: number | null
}

/** The runs in progress: as targets report them, or as inferred from the steps of those that do not. */
async function runsInProgress(db: Db, now: Date): Promise<Found[]> {
  const rows = await db.jobServer.findMany({
    where: {
      currentRunId: { not: null },
      // a target that went away during an inferred run must not leave it listed for ever
      OR: [
        { progressReportedAt: { not: null } },
        { endedStepReceivedAt: { gte: new Date(now.getTime() - RUNNING_WINDOW_MS) } },
      ],
    },
    select: {
      jobId: true,
      targetId: true,
      job: { select: { name: true } },
      target: { select: { name: true } },
      currentRunId: true,
      currentRunStartedAt: true,
      currentStepNumber: true,
      currentStepName: true,
      currentStepStartedAt: true,
      progressReportedAt: true,
      endedStepNumber: true,
      endedStepName: true,
      endedStepOutcome: true,
      endedStepReceivedAt: true,
    },
  })
  return rows.map((r) => ({
    jobId: r.jobId,
    targetId: r.targetId,
    job: r.job.name,
    target: r.target.name,
    runId: r.currentRunId ?? '',
    startedAt: (r.currentRunStartedAt ?? r.progressReportedAt ?? now).toISOString(),
    step:
      r.currentStepNumber === null
        ? null
        : {
            number: r.currentStepNumber,
            name: r.currentStepName ?? '',
            startedAt: r.currentStepStartedAt?.toISOString() ?? null,
          },
    afterStep:
      r.progressReportedAt === null && r.endedStepNumber !== null
        ? {
            number: r.endedStepNumber,
            name: r.endedStepName ?? '',
            outcome: runOutcomeLabel(r.endedStepOutcome ?? 5),
          }
        : null,
    reportedAt: (r.progressReportedAt ?? r.endedStepReceivedAt)?.toISOString() ?? null,
  }))
}

/** Each run's target's usual duration of its job. */
async function usualOf(db: Db, runs: Found[]) {
  const byJob = new Map<number, Set<number>>()
  for (const r of runs)
    if (r.jobId !== null && r.targetId !== null) byJob.set(r.jobId, (byJob.get(r.jobId) ?? new Set()).add(r.targetId))
  const usual = new Map<string, number>()
  await Promise.all(
    [...byJob].map(async ([jobId, targets]) => {
      for (const [targetId, ms] of await usualDurations(db, jobId, [...targets])) usual.set(`${jobId}:${targetId}`, ms)
    }),
  )
  return usual
}

const contains = (name: string, part: string | undefined) => !part || name.toLowerCase().includes(part.toLowerCase())

/** Every run in progress, filtered by job, target and "longer than usual", by job then target, a page of them. */
export async function listRunningJobs(db: Db, rawQuery: RunningQuery = {}, now = new Date()): Promise<RunningList> {
  const query = runningQuery.parse(rawQuery)
  const found = (await runsInProgress(db, now))
    .filter((r) => contains(r.job, query.job) && contains(r.target, query.target))
    .sort((a, b) => a.job.localeCompare(b.job) || a.target.localeCompare(b.target))
  const start = (query.page - 1) * query.pageSize
  // the usual durations (a query per target) of the page's runs only, unless "longer than usual" filters them all
  const measured = query.longer ? found : found.slice(start, start + query.pageSize)
  const usual = await usualOf(db, measured)
  const rows = measured
    .map(({ jobId, targetId, ...run }): RunningJob => {
      const elapsedMs = Math.max(0, now.getTime() - new Date(run.startedAt).getTime())
      const usualMs = usual.get(`${jobId}:${targetId}`) ?? null
      return { ...run, elapsedMs, usualMs, longerThanUsual: isLongerThanUsual(elapsedMs, usualMs) }
    })
    .filter((r) => !query.longer || r.longerThanUsual)
  const total = query.longer ? rows.length : found.length
  return {
    rows: query.longer ? rows.slice(start, start + query.pageSize) : rows,
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}
