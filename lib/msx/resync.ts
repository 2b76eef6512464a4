// Re-synchronizing targets (sp_resync_targetserver): each one's pending instructions are deleted, then DELETE of
// all its jobs and INSERT of each job that targets it are posted.
import 'server-only'
import type { Tx } from '../db/client'
import { recordAudit, summarizeNames, targetNamesBeyondSummary } from './audit'
import type { MsxContext } from './context'
import { postHeldJobs, postInstructions } from './download-list'
import { activeMaster } from './master'
import { inTargetBatches, lockHoldings, onlyResult } from './target-batches'

export interface Resynchronized {
  name: string
  /** pending instructions deleted */
  removed: number
  /** jobs posted again (INSERT) */
  jobs: number
}

export async function resynchronizeTarget(ctx: MsxContext, name: string) {
  const { removed, jobs } = onlyResult(await resynchronizeTargets(ctx, [name]))
  return { removed, jobs }
}

/** Re-synchronizes many targets, a batch per transaction with one activity-log entry each. */
export async function resynchronizeTargets(ctx: MsxContext, names: string[]) {
  return inTargetBatches(ctx, names, async (tx, targets) => {
    const master = await activeMaster(tx)
    const ids = targets.map((t) => t.id)
    const pending = await countsBy(tx, 'pending', ids)
    const holdings = await countsBy(tx, 'holdings', ids)
    await tx.downloadInstruction.deleteMany({ where: { targetId: { in: ids }, status: 0 } })
    // each drops every job at the DELETE below, and holds each again once it acknowledges its INSERT
    await lockHoldings(tx, ids)
    await tx.jobServer.updateMany({ where: { targetId: { in: ids } }, data: { heldVersion: null } })
    const now = new Date()
    await postInstructions(
      tx,
      master.name,
      { operation: 'DELETE', objectType: 'JOB', objectName: '(all jobs)' },
      targets,
      now,
    )
    await postHeldJobs(tx, master.name, ids, now)
    await tx.targetServer.updateMany({
      where: { id: { in: ids }, state: 'ENLISTED' },
      data: { state: 'RESYNC_PENDING' },
    })
    const done: Resynchronized[] = targets.map((t) => ({
      name: t.name,
      removed: pending.get(t.id) ?? 0,
      jobs: holdings.get(t.id) ?? 0,
    }))
    const names = done.map((d) => d.name)
    await recordAudit(tx, ctx.actor, {
      action: 'target.resync',
      objectType: 'target',
      objectName: summarizeNames(names),
      details: {
        ...(names.length > 1 ? { count: names.length, targetNames: targetNamesBeyondSummary(names) } : {}),
        pendingDeleted: done.reduce((sum, d) => sum + d.removed, 0),
        jobsPosted: done.reduce((sum, d) => sum + d.jobs, 0),
      },
    })
    return { done, refused: [] }
  })
}

/** Per target: its pending instructions, or the jobs it holds. */
async function countsBy(tx: Tx, what: 'pending' | 'holdings', ids: number[]): Promise<Map<number, number>> {
  const rows =
    what === 'pending'
      ? await tx.downloadInstruction.groupBy({
          by: ['targetId'],
          where: { targetId: { in: ids }, status: 0 },
          _count: { _all: true },
        })
      : await tx.jobServer.groupBy({ by: ['targetId'], where: { targetId: { in: ids } }, _count: { _all: true } })
  return new Map(rows.map((row) => [row.targetId ?? 0, row._count._all]))
}
