// The runs in progress as targets report them (sysjobservers' current run): an upload says which runs are open on
// the target and on which step, and replaces what the master held for that target; a run's job outcome clears it.
// A target whose agent does not report progress has its run inferred from its steps: they arrive without the job
// outcome, so the run is still going, past its last uploaded step. Kept on job_servers, never in job_history:
// history holds only what ended.
import 'server-only'
import type { Tx } from '../db/client'
import type { OutcomeRecord, RunProgress } from '../protocol/agent-v1'

const CLEARED = {
  currentRunId: null,
  currentRunStartedAt: null,
  currentStepNumber: null,
  currentStepName: null,
  currentStepStartedAt: null,
  endedStepNumber: null,
  endedStepName: null,
  endedStepOutcome: null,
  endedStepReceivedAt: null,
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

/**
 * Steps have arrived from a target that does not report progress: each job's run whose job outcome has not arrived
 * is in progress, after the newest of its steps.
 */
export async function inferRunsFromSteps(tx: Tx, targetId: number, records: OutcomeRecord[], now: Date) {
  const ended = new Set(records.filter((r) => r.stepNumber === 0).map((r) => r.runId))
  const newest = new Map<number, OutcomeRecord>()
  const firstStart = new Map<string, Date>()
  for (const r of records) {
    if (r.stepNumber === 0 || ended.has(r.runId)) continue
    const startedAt = new Date(r.startedAt)
    const first = firstStart.get(r.runId)
    if (!first || startedAt < first) firstStart.set(r.runId, startedAt)
    const seen = newest.get(r.jobId)
    if (!seen || startedAt >= new Date(seen.startedAt)) newest.set(r.jobId, r)
  }
  if (newest.size === 0) return
  const [holdings, endedBefore] = await Promise.all([
    tx.jobServer.findMany({
      where: { targetId, jobId: { in: [...newest.keys()] }, progressReportedAt: null },
      select: { jobId: true, currentRunId: true, lastRunAt: true },
    }),
    // steps uploaded after their run's job outcome (a spool sent late) belong to a run that has ended
    tx.jobHistory.findMany({
      where: { runId: { in: [...newest.values()].map((r) => r.runId) }, stepNumber: 0 },
      select: { runId: true },
    }),
  ])
  const over = new Set(endedBefore.map((h) => h.runId))
  for (const holding of holdings.sort((a, b) => a.jobId - b.jobId)) {
    const step = newest.get(holding.jobId)
    if (!step || over.has(step.runId)) continue
    if (holding.lastRunAt && new Date(step.startedAt) < holding.lastRunAt) continue
    const startedAt = firstStart.get(step.runId) ?? new Date(step.startedAt)
    await tx.jobServer.update({
      where: { jobId_targetId: { jobId: holding.jobId, targetId } },
      data: {
        ...(holding.currentRunId === step.runId
          ? {}
          : { ...CLEARED, currentRunId: step.runId, currentRunStartedAt: startedAt }),
        endedStepNumber: step.stepNumber,
        endedStepName: step.stepName,
        endedStepOutcome: step.runStatus,
        endedStepReceivedAt: now,
      },
    })
  }
}
