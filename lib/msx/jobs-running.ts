// Job runs in progress across the fleet (Job Activity Monitor), as far as the master can know: a target uploads
// each step's outcome when the step ends and the job's own outcome (step 0) when the run ends, so a run whose
// steps have arrived without its job outcome is still running, past its last uploaded step. A run whose first step
// has not ended yet is not seen until it does; the agent does not report a run's start.
import 'server-only'
import type { Db } from '../db/client'
import { chunks } from '../db/sql'
import { type RunOutcomeLabel, runOutcomeLabel } from './run-outcomes'

/** Runs are looked for this far back: a target that went away during a run leaves it open, and it must not stay listed for ever. */
export const RUNNING_WINDOW_MS = 24 * 3600_000

export interface RunningJob {
  job: string
  target: string
  runId: string
  startedAt: Date
  elapsedMs: number
  /** the last step whose outcome arrived: the run is on the step that follows it (by its on-success or on-failure) */
  afterStep: { number: number; name: string; outcome: RunOutcomeLabel }
}

export async function listRunningJobs(db: Db, now = new Date()): Promise<RunningJob[]> {
  const steps = await db.jobHistory.findMany({
    where: { stepNumber: { gt: 0 }, startedAt: { gte: new Date(now.getTime() - RUNNING_WINDOW_MS) } },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    select: {
      runId: true,
      jobName: true,
      targetName: true,
      stepNumber: true,
      stepName: true,
      runStatus: true,
      startedAt: true,
    },
  })
  const runs = new Map<string, (typeof steps)[number][]>()
  for (const step of steps) runs.set(step.runId, [...(runs.get(step.runId) ?? []), step])
  const ended = new Set<string>()
  for (const ids of chunks([...runs.keys()], 900))
    for (const row of await db.jobHistory.findMany({
      where: { runId: { in: ids }, stepNumber: 0 },
      select: { runId: true },
    }))
      ended.add(row.runId)
  const running: RunningJob[] = []
  for (const [runId, list] of runs) {
    const first = list[0]
    const last = list.at(-1)
    if (ended.has(runId) || !first || !last) continue
    running.push({
      job: first.jobName,
      target: first.targetName,
      runId,
      startedAt: first.startedAt,
      elapsedMs: Math.max(0, now.getTime() - first.startedAt.getTime()),
      afterStep: { number: last.stepNumber, name: last.stepName, outcome: runOutcomeLabel(last.runStatus) },
    })
  }
  return running.sort((a, b) => a.job.localeCompare(b.job) || a.target.localeCompare(b.target))
}
