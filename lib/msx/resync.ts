// Re-synchronizing a target (sp_resync_targetserver): its pending instructions are deleted, then DELETE of
// all its jobs and INSERT of each job that targets it are posted.
import 'server-only'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext } from './context'
import { postInstructions } from './download-list'
import { activeMaster } from './master'
import { findTarget } from './targets'

export async function resynchronizeTarget(ctx: MsxContext, name: string) {
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const target = await findTarget(tx, name)
    const { count: removed } = await tx.downloadInstruction.deleteMany({ where: { targetId: target.id, status: 0 } })
    // it drops every job at the DELETE below, and holds each again once it acknowledges its INSERT
    await tx.jobServer.updateMany({ where: { targetId: target.id }, data: { heldVersion: null } })
    const now = new Date()
    await postInstructions(
      tx,
      master.name,
      { operation: 'DELETE', objectType: 'JOB', objectName: '(all jobs)' },
      [target],
      now,
    )
    const jobs = await tx.jobServer.findMany({
      where: { targetId: target.id },
      select: { job: { select: { id: true, name: true } } },
      orderBy: { jobId: 'asc' },
    })
    for (const { job } of jobs)
      await postInstructions(
        tx,
        master.name,
        { operation: 'INSERT', objectType: 'JOB', objectId: job.id, objectName: job.name },
        [target],
        now,
      )
    if (target.state === 'ENLISTED')
      await tx.targetServer.update({ where: { id: target.id }, data: { state: 'RESYNC_PENDING' } })
    await recordAudit(tx, ctx.actor, {
      action: 'target.resync',
      objectType: 'target',
      objectName: target.name,
      details: { pendingDeleted: removed, jobsPosted: jobs.length },
    })
    return { removed, jobs: jobs.length }
  })
}
