// sysdownloadlist: the instructions posted to each target, downloaded in insertion (id) order.
import 'server-only'
import type { Tx } from '../db/client'
import { chunks, join, sql, timestamp } from '../db/sql'
import type { ObjectType, Operation } from './operations'
import type { Recipient } from './recipients'
import { notifyGateway } from './signals'

export interface InstructionSpec {
  operation: Operation
  objectType: ObjectType
  objectId?: number | null
  objectName?: string | null
  value?: string | null
  deletedObjectName?: string | null
}

/** Posts one instruction to many targets in a single statement per table. Returns how many were posted. */
export async function postInstructions(
  tx: Tx,
  sourceServer: string,
  spec: InstructionSpec,
  targets: Recipient[],
  now = new Date(),
): Promise<number> {
  if (targets.length === 0) return 0
  // INSERT and UPDATE carry the version of the definition they post, for the target's held version once acknowledged
  const carriesJob = spec.objectType === 'JOB' && (spec.operation === 'INSERT' || spec.operation === 'UPDATE')
  const jobVersion =
    carriesJob && spec.objectId != null
      ? sql`(SELECT j.version FROM jobs j WHERE j.id = CAST(${spec.objectId} AS INTEGER))`
      : sql`CAST(NULL AS INTEGER)`
  let posted = 0
  // INSERT ... SELECT: one statement per 5,000 targets instead of Prisma's row-by-row createMany
  for (const ids of chunks(targets.map((t) => t.id))) {
    posted += await tx.$executeRaw`
      INSERT INTO download_instructions
        (source_server, operation, object_type, object_id, object_name, value, deleted_object_name,
         target_id, target_name, date_posted, status, job_version)
      SELECT ${sourceServer}, ${spec.operation}, ${spec.objectType}, CAST(${spec.objectId ?? null} AS INTEGER),
        ${spec.objectName ?? null}, ${spec.value ?? null}, ${spec.deletedObjectName ?? null},
        t.id, t.name, ${timestamp(tx, now)}, 0, ${jobVersion}
      FROM target_servers t WHERE t.id IN (${join(ids)}) ORDER BY t.id`
  }
  await notifyGateway(tx)
  return posted
}

/**
 * Posts INSERT of each job these targets hold, with the version it carries: per target in job order, as
 * postInstructions would one job at a time. Returns how many were posted.
 */
export async function postHeldJobs(tx: Tx, sourceServer: string, targetIds: number[], now = new Date()) {
  let posted = 0
  for (const ids of chunks(targetIds))
    posted += await tx.$executeRaw`
      INSERT INTO download_instructions
        (source_server, operation, object_type, object_id, object_name, target_id, target_name, date_posted, status,
         job_version)
      SELECT ${sourceServer}, 'INSERT', 'JOB', j.id, j.name, t.id, t.name, ${timestamp(tx, now)}, 0, j.version
      FROM job_servers js JOIN jobs j ON j.id = js.job_id JOIN target_servers t ON t.id = js.target_id
      WHERE js.target_id IN (${join(ids)}) ORDER BY t.id, j.id`
  if (posted > 0) await notifyGateway(tx)
  return posted
}

export const MAX_INSTRUCTIONS_PER_DOWNLOAD = 100
/** Prisma refuses a query with more than 999 bound values on SQLite. */
const IDS_PER_QUERY = 900

type InstructionRow = Awaited<ReturnType<Tx['downloadInstruction']['findMany']>>[number]

export interface PendingDownload {
  /** the instruction whose error blocks further downloads, if any */
  blockedBy: { id: number; errorMessage: string } | null
  instructions: InstructionRow[]
}

/**
 * What a target downloads next: its unread instructions in order, or nothing while an instruction of its
 * carries an error (which blocks further downloads until it is deleted, cleared or the target re-synchronized).
 */
export async function pendingInstructions(
  tx: Tx,
  targetId: number,
  limit = MAX_INSTRUCTIONS_PER_DOWNLOAD,
): Promise<PendingDownload> {
  return (await pendingInstructionsOf(tx, [targetId], limit)).get(targetId) ?? { blockedBy: null, instructions: [] }
}

/** The same for many targets at once, in two queries per 900 targets (the gateway wakes many long polls at once). */
export async function pendingInstructionsOf(
  tx: Tx,
  targetIds: number[],
  limit = MAX_INSTRUCTIONS_PER_DOWNLOAD,
): Promise<Map<number, PendingDownload>> {
  const result = new Map<number, PendingDownload>()
  for (const ids of chunks([...new Set(targetIds)], IDS_PER_QUERY)) {
    const one = ids.length === 1
    // a target's first instruction with an error blocks it
    const errors = await tx.downloadInstruction.findMany({
      where: { targetId: one ? ids[0] : { in: ids }, errorMessage: { not: null } },
      orderBy: { id: 'asc' },
      select: { id: true, targetId: true, errorMessage: true },
      ...(one ? { take: 1 } : {}),
    })
    for (const row of errors)
      if (row.targetId !== null && !result.has(row.targetId))
        result.set(row.targetId, { blockedBy: { id: row.id, errorMessage: row.errorMessage ?? '' }, instructions: [] })
    const open = ids.filter((id) => !result.has(id))
    if (open.length === 0) continue
    for (const id of open) result.set(id, { blockedBy: null, instructions: [] })
    const rows = await tx.downloadInstruction.findMany({
      where: { targetId: open.length === 1 ? open[0] : { in: open }, status: 0 },
      orderBy: { id: 'asc' },
      ...(open.length === 1 ? { take: limit } : {}),
    })
    for (const row of rows) {
      const pending = row.targetId === null ? undefined : result.get(row.targetId)
      if (pending && pending.instructions.length < limit) pending.instructions.push(row)
    }
  }
  return result
}

/** Unread instructions per target (status 0), for the given targets. */
export async function unreadCounts(tx: Tx, targetIds: number[]): Promise<Map<number, number>> {
  if (targetIds.length === 0) return new Map()
  const rows = await tx.downloadInstruction.groupBy({
    by: ['targetId'],
    where: { targetId: { in: targetIds }, status: 0 },
    _count: { _all: true },
  })
  return new Map(rows.map((row) => [row.targetId ?? 0, row._count._all]))
}
