// What saving a job in the editor would post, asked before the save: INSERT to the targets that gain it, UPDATE
// to those that keep it (when the definition changes), DELETE to those that lose it, and which of them are
// offline or blocked, or hold an older version. Posts nothing.
import 'server-only'
import type { Db } from '../db/client'
import { chunks } from '../db/sql'
import type { JobDefinitionInput } from './job-definition'
import { jobFileOf, sameJobFile } from './job-file-of'
import { findJob, jobFileFrom, parseJobDefinition, resolveTargets } from './jobs'
import { statusFilter } from './status'

export interface JobSavePlan {
  job: string
  /** a new job, or the version the editor opened */
  creating: boolean
  /** false when the save would change nothing (and post nothing) */
  changed: boolean
  insert: number
  update: number
  delete: number
  /** of the targets that get an instruction */
  offline: number
  blocked: number
  /** targets keeping the job that do not hold its current version yet */
  older: number
}

export async function planJobSave(
  db: Db,
  existingName: string | null,
  input: JobDefinitionInput,
  now = new Date(),
): Promise<JobSavePlan> {
  const def = parseJobDefinition(input)
  const job = existingName === null ? null : await findJob(db, existingName)
  const targets = def.targets ? await resolveTargets(db, def.targets) : null
  const held = job
    ? await db.jobServer.findMany({ where: { jobId: job.id }, select: { targetId: true, heldVersion: true } })
    : []
  const heldIds = new Set(held.map((h) => h.targetId))
  const desired = targets ? await desiredTargetIds(db, targets.serverIds, targets.groupIds) : heldIds
  const before = job ? await jobFileOf(db, job.id) : null
  const changed = before ? !sameJobFile(before, jobFileFrom(def, targets?.names ?? before.targets)) : true
  const inserts = [...desired].filter((id) => !heldIds.has(id))
  const deletes = [...heldIds].filter((id) => !desired.has(id))
  const updates = changed ? held.filter((h) => desired.has(h.targetId)).map((h) => h.targetId) : []
  const reached = [...inserts, ...updates, ...deletes]
  const [offline, blocked] = await Promise.all([
    countWhere(db, reached, statusFilter('Suspected offline', now)),
    countWhere(db, reached, statusFilter('Blocked', now)),
  ])
  return {
    job: def.name,
    creating: job === null,
    changed,
    insert: inserts.length,
    update: updates.length,
    delete: deletes.length,
    offline,
    blocked,
    older: job ? held.filter((h) => desired.has(h.targetId) && h.heldVersion !== job.version).length : 0,
  }
}

async function desiredTargetIds(db: Db, serverIds: Set<number>, groupIds: Set<number>) {
  const members =
    groupIds.size > 0
      ? await db.targetServerGroupMember.findMany({
          where: { groupId: { in: [...groupIds] } },
          select: { targetId: true },
        })
      : []
  return new Set([...serverIds, ...members.map((m) => m.targetId)])
}

async function countWhere(db: Db, ids: number[], where: object) {
  let count = 0
  for (const chunk of chunks(ids))
    count += await db.targetServer.count({ where: { AND: [{ id: { in: chunk } }, where] } })
  return count
}
