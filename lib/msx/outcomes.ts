// Outcomes uploaded by targets (sysjobhistory, sysjobservers): each stored exactly once by its idempotency key,
// each job's last outcome on the target brought up to date, the runs in progress the target reports (and those
// that ended) taken in, and the MSXOperator's notifications queued, in one transaction. Outcomes are reports from targets, not changes by administrators: like acknowledgements, they are
// not written to the activity log.
import 'server-only'

import type { Db, Tx } from '../db/client'
import type { OutcomeRecord, RunProgress } from '../protocol/agent-v1'
import { noteChange } from './changes'
import { transaction } from './context'
import { settleMissedRuns } from './missed-runs'
import { type JobNotifySettings, queueNotifications } from './notification-queue'
import { applyRunProgress, clearEndedRuns, inferRunsFromSteps } from './run-progress'

export interface OutcomeSource {
  id: number
  name: string
}

export interface RecordOutcomesResult {
  /** new to the master */
  stored: number
  /** sent before (or twice in this batch) and ignored */
  duplicates: number
}

/**
 * Stores a target's batch of outcomes; a batch sent again changes nothing. `running`, when the agent reports it,
 * is every run in progress on the target as the upload was sent, taken before the batch's outcomes.
 */
export async function recordOutcomes(
  db: Db,
  target: OutcomeSource,
  outcomes: OutcomeRecord[],
  now = new Date(),
  running?: RunProgress[],
): Promise<RecordOutcomesResult> {
  const attempt = () =>
    transaction(db, async (tx) => {
      const progressed = running ? await applyRunProgress(tx, target.id, running, now) : false
      const result = await storeOutcomes(tx, target, outcomes, now)
      if (progressed || result.stored > 0) await noteChange(tx, ['targets', 'jobs'])
      return result
    })
  try {
    return await attempt()
  } catch (error) {
    // the same batch arriving twice at once (an agent retrying a slow upload): the loser finds it stored
    if (isUniqueViolation(error)) return attempt()
    throw error
  }
}

async function storeOutcomes(tx: Tx, target: OutcomeSource, outcomes: OutcomeRecord[], now: Date) {
  const unique = new Map<string, OutcomeRecord>()
  for (const outcome of outcomes) if (!unique.has(outcome.idempotencyKey)) unique.set(outcome.idempotencyKey, outcome)
  const known = await tx.jobHistory.findMany({
    where: { idempotencyKey: { in: [...unique.keys()] } },
    select: { idempotencyKey: true },
  })
  for (const row of known) unique.delete(row.idempotencyKey)
  const fresh = [...unique.values()]
  if (fresh.length > 0) {
    const jobs = await tx.job.findMany({
      where: { id: { in: [...new Set(fresh.map((o) => o.jobId))] } },
      select: { id: true, name: true, version: true, notifyEmail: true, notifyPager: true, notifyWebhook: true },
    })
    const existing = new Map<number, JobNotifySettings>(jobs.map((j) => [j.id, j]))
    await tx.jobHistory.createMany({
      data: fresh.map((o) => ({
        idempotencyKey: o.idempotencyKey,
        // the job may have been deleted on the master since it ran: its history keeps the name
        jobId: existing.has(o.jobId) ? o.jobId : null,
        jobName: o.jobName,
        targetId: target.id,
        targetName: target.name,
        runId: o.runId,
        stepNumber: o.stepNumber,
        stepName: o.stepName,
        runStatus: o.runStatus,
        message: o.message,
        output: o.output,
        startedAt: new Date(o.startedAt),
        durationMs: o.durationMs,
        retriesAttempted: o.retriesAttempted,
        receivedAt: now,
      })),
    })
    const jobOutcomes = fresh.filter((o) => o.stepNumber === 0 && existing.has(o.jobId))
    await updateLastOutcomes(tx, target.id, jobOutcomes)
    await inferRunsFromSteps(
      tx,
      target.id,
      fresh.filter((o) => existing.has(o.jobId)),
      now,
    )
    await clearEndedRuns(tx, target.id, jobOutcomes)
    await settleMissedRuns(tx, target.id, jobOutcomes, now)
    await queueNotifications(tx, target, jobOutcomes, existing, now)
  }
  return { stored: fresh.length, duplicates: outcomes.length - fresh.length }
}

/** sysjobservers keeps the latest run per job and target; an outcome that arrives late never replaces a newer one. */
async function updateLastOutcomes(tx: Tx, targetId: number, jobOutcomes: OutcomeRecord[]) {
  const latest = new Map<number, OutcomeRecord>()
  for (const o of jobOutcomes) {
    const seen = latest.get(o.jobId)
    if (!seen || new Date(o.startedAt) >= new Date(seen.startedAt)) latest.set(o.jobId, o)
  }
  // in job order, as every writer of job_servers takes its jobs' summaries: two uploads never wait on each other
  for (const o of [...latest.values()].sort((a, b) => a.jobId - b.jobId)) {
    const startedAt = new Date(o.startedAt)
    await tx.jobServer.updateMany({
      where: { jobId: o.jobId, targetId, OR: [{ lastRunAt: null }, { lastRunAt: { lte: startedAt } }] },
      data: {
        lastRunOutcome: o.runStatus,
        lastOutcomeMessage: o.message,
        lastRunAt: startedAt,
        lastRunDurationMs: o.durationMs,
      },
    })
  }
}

function isUniqueViolation(error: unknown) {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}
