// The runs in progress as targets report them (sysjobservers' current run): an upload says which runs are open on
// the target and on which step, and replaces what the master held for that target; a run's job outcome clears it.
// Kept on job_servers, never in job_history: history holds only what ended.
import 'server-only'
import type { Tx } from '../db/client'
import type { OutcomeRecord, RunProgress } from '../protocol/agent-v1'

const CLEARED = {
  currentRunId: null,
  currentRunStartedAt: null,
  currentStepNumber: null,
  currentStepName: null,
  currentStepStartedAt: null,
}

/** Takes a target's report of its runs in progress; true when it changed what the master shows. */
export async function applyRunProgress(tx: Tx, targetId: number, running: RunProgress[], now: Date) {
  // one run of a job at a time on a target: should a report hold two, the later start is the one running
  const byJob = new Map<number, RunProgress>()
  for (const run of running) {
    const seen = byJob.get(run.jobId)
    if (!seen || new Date(run.startedAt) >= new Date(seen.startedAt)) byJob.set(run.jobId, run)
  }
  const rows = await tx.jobServer.findMany({
    where: { targetId, OR: [{ currentRunId: { not: null } }, { jobId: { in: [...byJob.keys()] } }] },
    select: {
      jobId: true,
      currentRunId: true,
      currentStepNumber: true,
      currentStepStartedAt: true,
      progressReportedAt: true,
    },
  })
  let changed = false
  for (const row of rows) {
    const run = byJob.get(row.jobId)
    const data = run
      ? {
          currentRunId: run.runId,
          currentRunStartedAt: new Date(run.startedAt),
          currentStepNumber: run.stepNumber,
          currentStepName: run.stepName,
          currentStepStartedAt: run.stepStartedAt ? new Date(run.stepStartedAt) : null,
        }
      : CLEARED
    const same =
      row.currentRunId === data.currentRunId &&
      row.currentStepNumber === data.currentStepNumber &&
      row.currentStepStartedAt?.getTime() === data.currentStepStartedAt?.getTime()
    if (same && row.progressReportedAt) continue
    await tx.jobServer.update({
      where: { jobId_targetId: { jobId: row.jobId, targetId } },
      data: { ...data, progressReportedAt: now },
    })
    if (!same) changed = true
  }
  // the target reports progress: its jobs' runs are what it reports, no longer inferred from history
  await tx.jobServer.updateMany({ where: { targetId, progressReportedAt: null }, data: { progressReportedAt: now } })
  return changed
}

/** A run's job outcome (step 0) has arrived: the run is no longer in progress. */
export async function clearEndedRuns(tx: Tx, targetId: number, jobOutcomes: OutcomeRecord[]) {
  let cleared = 0
  // in job order, as every writer of job_servers takes its jobs' summaries: two uploads never wait on each other
  for (const o of [...jobOutcomes].sort((a, b) => a.jobId - b.jobId))
    cleared += (
      await tx.jobServer.updateMany({ where: { jobId: o.jobId, targetId, currentRunId: o.runId }, data: CLEARED })
    ).count
  return cleared
}
