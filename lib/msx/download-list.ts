// sysdownloadlist: the instructions posted to each target, downloaded in insertion (id) order.
import type { Tx } from '../db/client'
import { chunks, join, timestamp } from '../db/sql'
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
  let posted = 0
  // INSERT ... SELECT: one statement per 5,000 targets instead of Prisma's row-by-row createMany
  for (const ids of chunks(targets.map((t) => t.id))) {
    posted += await tx.$executeRaw`
      INSERT INTO download_instructions
        (source_server, operation, object_type, object_id, object_name, value, deleted_object_name,
         target_id, target_name, date_posted, status)
      SELECT ${sourceServer}, ${spec.operation}, ${spec.objectType}, CAST(${spec.objectId ?? null} AS INTEGER),
        ${spec.objectName ?? null}, ${spec.value ?? null}, ${spec.deletedObjectName ?? null},
        t.id, t.name, ${timestamp(tx, now)}, 0
      FROM target_servers t WHERE t.id IN (${join(ids)}) ORDER BY t.id`
  }
  await notifyGateway(tx)
  return posted
}

/** The instruction that blocks a target's downloads: its first one carrying an error message. */
export function blockingInstruction(tx: Tx, targetId: number) {
  return tx.downloadInstruction.findFirst({
    where: { targetId, errorMessage: { not: null } },
    orderBy: { id: 'asc' },
    select: { id: true, errorMessage: true },
  })
}

export const MAX_INSTRUCTIONS_PER_DOWNLOAD = 100

/**
 * What a target downloads next: its unread instructions in order, or nothing while an instruction of its
 * carries an error (which blocks further downloads until it is deleted, cleared or the target re-synchronized).
 */
export async function pendingInstructions(tx: Tx, targetId: number, limit = MAX_INSTRUCTIONS_PER_DOWNLOAD) {
  const blocked = await blockingInstruction(tx, targetId)
  if (blocked) return { blockedBy: { id: blocked.id, errorMessage: blocked.errorMessage ?? '' }, instructions: [] }
  const instructions = await tx.downloadInstruction.findMany({
    where: { targetId, status: 0 },
    orderBy: { id: 'asc' },
    take: limit,
  })
  return { blockedBy: null, instructions }
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
