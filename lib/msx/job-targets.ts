// Which targets hold a job (sysjobservers): the servers it is applied to directly, plus the members of the
// groups it is applied to. Every change of that set posts INSERT to targets that gain the job and DELETE to
// targets that lose it, in the caller's transaction.
import 'server-only'
import type { Tx } from '../db/client'
import { chunks, join, sql } from '../db/sql'
import { postInstructions } from './download-list'
import type { Recipient } from './recipients'

export interface ReconcileResult {
  inserted: Recipient[]
  deleted: Recipient[]
}

/** Brings a job's JobServer rows in line with its direct servers and groups, posting what changed. */
export async function reconcileJobTargets(
  tx: Tx,
  sourceServer: string,
  job: { id: number; name: string },
  directTargetIds: Set<number>,
): Promise<ReconcileResult> {
  const [current, viaGroups] = await Promise.all([
    tx.jobServer.findMany({
      where: { jobId: job.id },
      select: { targetId: true, direct: true, target: { select: { name: true } } },
    }),
    tx.targetServerGroupMember.findMany({
      where: { group: { jobs: { some: { jobId: job.id } } } },
      select: { targetId: true, target: { select: { name: true } } },
    }),
  ])
  const names = new Map<number, string>()
  for (const row of [...current, ...viaGroups]) names.set(row.targetId, row.target.name)
  const missingNames = [...directTargetIds].filter((id) => !names.has(id))
  for (const ids of chunks(missingNames)) {
    const rows = await tx.targetServer.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    for (const row of rows) names.set(row.id, row.name)
  }
  const desired = new Set([...directTargetIds, ...viaGroups.map((m) => m.targetId)])
  const held = new Map(current.map((row) => [row.targetId, row.direct]))
  const toInsert = [...desired].filter((id) => !held.has(id))
  const toDelete = [...held.keys()].filter((id) => !desired.has(id))
  const directChanged = [...desired].filter((id) => held.has(id) && held.get(id) !== directTargetIds.has(id))
  const recipient = (id: number): Recipient => ({ id, name: names.get(id) ?? '' })

  for (const direct of [true, false]) {
    const ids = toInsert.filter((id) => directTargetIds.has(id) === direct)
    for (const chunk of chunks(ids))
      await tx.$executeRaw`
        INSERT INTO job_servers (job_id, target_id, direct, last_run_outcome)
        SELECT CAST(${job.id} AS INTEGER), t.id, ${direct ? sql`TRUE` : sql`FALSE`}, 5 FROM target_servers t WHERE t.id IN (${join(chunk)})`
  }
  for (const ids of chunks(toDelete)) await tx.jobServer.deleteMany({ where: { jobId: job.id, targetId: { in: ids } } })
  for (const direct of [true, false]) {
    for (const ids of chunks(directChanged.filter((id) => directTargetIds.has(id) === direct)))
      await tx.jobServer.updateMany({ where: { jobId: job.id, targetId: { in: ids } }, data: { direct } })
  }
  const inserted = toInsert.map(recipient)
  const deleted = toDelete.map(recipient)
  await postInstructions(
    tx,
    sourceServer,
    { operation: 'INSERT', objectType: 'JOB', objectId: job.id, objectName: job.name },
    inserted,
  )
  await postInstructions(
    tx,
    sourceServer,
    { operation: 'DELETE', objectType: 'JOB', objectId: job.id, objectName: job.name, deletedObjectName: job.name },
    deleted,
  )
  return { inserted, deleted }
}

/** The targets a job is applied to directly. */
export async function directTargetIds(tx: Tx, jobId: number): Promise<Set<number>> {
  const rows = await tx.jobServer.findMany({ where: { jobId, direct: true }, select: { targetId: true } })
  return new Set(rows.map((row) => row.targetId))
}

/** The jobs applied to any of these groups. */
export function jobsAppliedToGroups(tx: Tx, groupIds: number[]) {
  return tx.job.findMany({
    where: { groups: { some: { groupId: { in: groupIds } } } },
    select: { id: true, name: true },
  })
}

/** Reconciles several jobs (after a group's members changed, or a group went away). */
export async function reconcileJobs(
  tx: Tx,
  sourceServer: string,
  jobs: { id: number; name: string }[],
): Promise<ReconcileResult> {
  const result: ReconcileResult = { inserted: [], deleted: [] }
  for (const job of jobs) {
    const { inserted, deleted } = await reconcileJobTargets(tx, sourceServer, job, await directTargetIds(tx, job.id))
    result.inserted.push(...inserted)
    result.deleted.push(...deleted)
  }
  return result
}
