// Re-post: the current definition of a job posted again (UPDATE) to the targets that hold it but not its current
// version and have nothing of it left to download. A target blocked by an error is left out: a new instruction
// would wait behind the error, which must be cleared or deleted first.
import 'server-only'
import type { Db, Tx } from '../db/client'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext } from './context'
import { postInstructions } from './download-list'
import { findJob } from './jobs'
import { activeMaster } from './master'

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
