// Re-post: the current definition of a job posted again (UPDATE) to the targets that hold it but not its current
// version and have nothing of it left to download. A target blocked by an error is left out: a new instruction
// would wait behind the error, which must be cleared or deleted first.
import 'server-only'
import type { Db, Tx } from '../db/client'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext } from './context'
import { postInstructions } from './download-list'
import { notFound, refused } from './errors'
import { findJob } from './jobs'
import { activeMaster } from './master'
import { nameKey } from './names'

/** The targets Re-post would post UPDATE to. */
export async function repostTargets(db: Db | Tx, job: { id: number; version: number }) {
  const [holders, open] = await Promise.all([
    db.jobServer.findMany({
      where: { jobId: job.id, OR: [{ heldVersion: null }, { heldVersion: { not: job.version } }] },
      select: { targetId: true, target: { select: { name: true } } },
    }),
    db.downloadInstruction.findMany({
      where: { objectType: 'JOB', objectId: job.id, status: 0 },
      select: { targetId: true },
    }),
  ])
  const waiting = new Set(open.map((o) => o.targetId))
  return holders.filter((h) => !waiting.has(h.targetId)).map((h) => ({ id: h.targetId, name: h.target.name }))
}

export async function repostJob(ctx: MsxContext, name: string) {
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const job = await findJob(tx, name)
    const targets = await repostTargets(tx, job)
    const posted = await postInstructions(
      tx,
      master.name,
      { operation: 'UPDATE', objectType: 'JOB', objectId: job.id, objectName: job.name },
      targets,
    )
    if (posted > 0)
      await recordAudit(tx, ctx.actor, {
        action: 'job.repost',
        objectType: 'job',
        objectName: job.name,
        details: { version: job.version, postedUpdateTo: posted },
      })
    return { job, posted }
  })
}

/**
 * Re-post to one target, from its row on the job's Targets tab: refused, saying why, when it already holds the
 * current version, has an INSERT or UPDATE waiting, or is blocked by an error (which must be cleared first).
 */
export async function repostJobToTarget(ctx: MsxContext, name: string, targetName: string) {
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const job = await findJob(tx, name)
    const holding = await tx.jobServer.findFirst({
      where: { jobId: job.id, target: { nameKey: nameKey(targetName) } },
      select: { heldVersion: true, target: { select: { id: true, name: true } } },
    })
    if (!holding) throw notFound(`Target server ${targetName} does not hold job "${job.name}": nothing to re-post.`)
    const target = holding.target
    const waiting = await tx.downloadInstruction.findMany({
      where: { objectType: 'JOB', objectId: job.id, status: 0, targetId: target.id },
      orderBy: { id: 'asc' },
      select: { id: true, operation: true, errorMessage: true },
    })
    const failed = waiting.find((w) => w.errorMessage !== null)
    if (failed)
      throw refused(
        `${target.name} downloads nothing more until instruction ${failed.id} (${failed.operation}) is cleared or deleted on Download Instructions: it failed with "${failed.errorMessage}". Fix the cause, clear it, then re-post.`,
      )
    if (holding.heldVersion === job.version)
      throw refused(
        `${target.name} holds version ${job.version} of job "${job.name}", the current one: nothing to re-post.`,
      )
    const open = waiting[0]
    if (open)
      throw refused(
        `${target.name} has instruction ${open.id} (${open.operation}) of job "${job.name}" waiting: it gets it when it next polls.`,
      )
    await postInstructions(
      tx,
      master.name,
      { operation: 'UPDATE', objectType: 'JOB', objectId: job.id, objectName: job.name },
      [target],
    )
    await recordAudit(tx, ctx.actor, {
      action: 'job.repost',
      objectType: 'job',
      objectName: job.name,
      details: { version: job.version, postedUpdateTo: 1, target: target.name },
    })
    return { job: job.name, version: job.version, target: target.name }
  })
}
