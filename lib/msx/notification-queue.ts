// Writes a job outcome's notifications to the outbox (job_notifications) in the transaction that stores the
// outcome, one row per channel the job asks for and the MSXOperator has. The upload is a hot path: jobs that never
// notify cost nothing here, the others a read of the operator, one of the rows already queued, and one insert.
import 'server-only'
import type { Tx } from '../db/client'
import type { OutcomeRecord } from '../protocol/agent-v1'
import { isDecisive, NOTIFY_CHANNELS, type NotifyChannel, wantsNotice } from './notification-rules'

export interface JobNotifySettings {
  id: number
  name: string
  version: number
  notifyEmail: string
  notifyPager: string
  notifyWebhook: string
}

const levelOf = (job: JobNotifySettings, channel: NotifyChannel) =>
  channel === 'email' ? job.notifyEmail : channel === 'pager' ? job.notifyPager : job.notifyWebhook

/** `outcomes`: fresh job-level outcomes (stepNumber 0) of jobs in `jobs`, already stored in job_history. */
export async function queueNotifications(
  tx: Tx,
  target: { id: number; name: string },
  outcomes: OutcomeRecord[],
  jobs: Map<number, JobNotifySettings>,
  now: Date,
): Promise<number> {
  const asking = outcomes.filter((o) => {
    const job = jobs.get(o.jobId)
    return job && NOTIFY_CHANNELS.some((c) => levelOf(job, c) !== 'never')
  })
  if (asking.length === 0) return 0
  const master = await tx.masterServer.findUnique({
    where: { id: 1 },
    select: { msxOperator: { select: { email: true, pagerEmail: true, webhookUrl: true } } },
  })
  const op = master?.msxOperator
  if (!op) return 0
  const has = { email: Boolean(op.email), pager: Boolean(op.pagerEmail), webhook: Boolean(op.webhookUrl) }
  const channels = NOTIFY_CHANNELS.filter((c) => has[c])
  const previous = await previousOutcomes(tx, target.id, asking, jobs, channels)
  const rows = []
  for (const o of [...asking].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    const job = jobs.get(o.jobId) as JobNotifySettings
    const before = previous.get(o.jobId) ?? null
    const endedAt = new Date(new Date(o.startedAt).getTime() + o.durationMs)
    for (const channel of channels) {
      if (!wantsNotice(levelOf(job, channel), o.runStatus, before)) continue
      rows.push({
        jobId: job.id,
        jobName: job.name,
        jobVersion: job.version,
        runId: o.runId,
        targetName: target.name,
        channel,
        outcome: o.runStatus,
        message: o.message,
        endedAt,
        // a target whose clock is ahead must not hold its notification back: the window counts from receipt then
        nextAttemptAt: endedAt < now ? endedAt : now,
      })
    }
    if (isDecisive(o.runStatus)) previous.set(o.jobId, o.runStatus)
  }
  if (rows.length === 0) return 0
  // a run is notified once per target and channel, however its outcome was keyed: never let a repeat fail the upload
  const known = await tx.jobNotification.findMany({
    where: { targetName: target.name, runId: { in: [...new Set(rows.map((r) => r.runId))] } },
    select: { runId: true, channel: true },
  })
  const seen = new Set(known.map((k) => `${k.runId}\n${k.channel}`))
  const data = rows.filter((r) => {
    const key = `${r.runId}\n${r.channel}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  if (data.length > 0) await tx.jobNotification.createMany({ data })
  return data.length
}

/** For jobs notified on change: the last run before this batch's first that failed or succeeded on the target. */
async function previousOutcomes(
  tx: Tx,
  targetId: number,
  outcomes: OutcomeRecord[],
  jobs: Map<number, JobNotifySettings>,
  channels: NotifyChannel[],
) {
  const first = new Map<number, string>()
  for (const o of outcomes) {
    const job = jobs.get(o.jobId) as JobNotifySettings
    if (!channels.some((c) => levelOf(job, c) === 'change')) continue
    const seen = first.get(o.jobId)
    if (!seen || o.startedAt < seen) first.set(o.jobId, o.startedAt)
  }
  const previous = new Map<number, number>()
  for (const [jobId, startedAt] of first) {
    const row = await tx.jobHistory.findFirst({
      where: { jobId, targetId, stepNumber: 0, runStatus: { in: [0, 1] }, startedAt: { lt: new Date(startedAt) } },
      orderBy: { startedAt: 'desc' },
      select: { runStatus: true },
    })
    if (row) previous.set(jobId, row.runStatus)
  }
  return previous
}
