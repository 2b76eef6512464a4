// Pause schedules until: a maintenance window in which no scheduled run of a job fires on any target (manual starts
// still run); Resume schedules ends it early. The time is a column of the job, not of its definition: a pause saves
// no version. Each change posts UPDATE to the job's targets, whose download carries the time to their schedulers.
import 'server-only'
import { z } from 'zod'
import type { Tx } from '../db/client'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext } from './context'
import { postInstructions } from './download-list'
import { invalid } from './errors'
import { findJob } from './jobs'
import { activeMaster } from './master'

export const pauseUntilInput = z.iso.datetime({
  offset: true,
  error: 'Choose the date and time to pause the schedules until, like 2026-12-04T06:00:00+01:00.',
})

/** Whether the job's schedules are paused at `now`: a pause whose time has passed has ended by itself. */
export const isPaused = (job: { pausedUntil: Date | null }, now = new Date()) =>
  job.pausedUntil !== null && job.pausedUntil > now

/** The time a pause lasts until, refused unless it is a date and time in the future. */
export function checkedPauseUntil(until: string, now = new Date()): Date {
  const parsed = pauseUntilInput.safeParse(until)
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => i.message).join(' '))
  const at = new Date(parsed.data)
  if (at <= now)
    throw invalid(
      `Schedules can be paused only until a time in the future, and ${until} has passed: choose a later date or time.`,
    )
  return at
}

async function postToHolders(tx: Tx, masterName: string, job: { id: number; name: string }) {
  const holders = await tx.jobServer.findMany({
    where: { jobId: job.id },
    select: { targetId: true, target: { select: { name: true } } },
  })
  return postInstructions(
    tx,
    masterName,
    { operation: 'UPDATE', objectType: 'JOB', objectId: job.id, objectName: job.name },
    holders.map((h) => ({ id: h.targetId, name: h.target.name })),
  )
}

/** Pauses a job's schedules until a time in the future (a later or earlier time replaces a pause). */
export async function pauseJobSchedules(ctx: MsxContext, name: string, until: string, now = new Date()) {
  const at = checkedPauseUntil(until, now)
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const job = await findJob(tx, name)
    const paused = await tx.job.update({ where: { id: job.id }, data: { pausedUntil: at } })
    const posted = await postToHolders(tx, master.name, job)
    await recordAudit(tx, ctx.actor, {
      action: 'job.pause',
      objectType: 'job',
      objectName: job.name,
      details: { pausedUntil: at.toISOString(), postedUpdateTo: posted },
    })
    return { job: paused, posted }
  })
}

/** Ends a pause now; a job not paused (or whose pause has passed) is left as it is and nothing is posted. */
export async function resumeJobSchedules(ctx: MsxContext, name: string, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const job = await findJob(tx, name)
    if (!isPaused(job, now)) return { job, posted: 0, wasPaused: false }
    const resumed = await tx.job.update({ where: { id: job.id }, data: { pausedUntil: null } })
    const posted = await postToHolders(tx, master.name, job)
    await recordAudit(tx, ctx.actor, {
      action: 'job.resume',
      objectType: 'job',
      objectName: job.name,
      details: { pausedUntil: job.pausedUntil?.toISOString(), postedUpdateTo: posted },
    })
    return { job: resumed, posted, wasPaused: true }
  })
}
