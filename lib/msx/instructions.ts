// Working with the download list: an administrator deletes instructions or clears their errors; lists for the
// dashboard and the CLI. A target's acknowledgements are in acknowledgements.ts.
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
import { settleResyncs } from './acknowledgements'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext } from './context'
import { parseOrInvalid } from './errors'
import { INSTRUCTION_OPERATIONS, INSTRUCTION_STATUSES, type InstructionStatus } from './instruction-status'
import { nameKey, objectName, serverName } from './names'
import { pageFields, pageWindow } from './paging'
import { signalTargets } from './signals'

// acknowledgements live in acknowledgements.ts; kept importable from here
export { type Acknowledgement, acknowledgeInstructions } from './acknowledgements'
export { INSTRUCTION_OPERATIONS, INSTRUCTION_STATUSES, type InstructionStatus } from './instruction-status'

/** The targets the rows belong to, each once, in the order met. */
function distinctNames(rows: { targetName: string }[]) {
  return [...new Set(rows.map((r) => r.targetName))]
}

/** Beyond this many instructions named at once, a delete or clear is refused. */
export const MAX_INSTRUCTIONS_AT_ONCE = 10_000

/** Instructions named by id, as the Download Instructions tab and the msx API name them. */
export const instructionIds = z
  .array(
    z.number({ error: 'an instruction id is a whole number' }).int('an instruction id is a whole number').positive(),
    { error: 'list the instruction ids' },
  )
  .min(1, 'select at least one instruction')
  .max(
    MAX_INSTRUCTIONS_AT_ONCE,
    `select at most ${MAX_INSTRUCTIONS_AT_ONCE.toLocaleString('en-US')} instructions at once`,
  )

/** Deletes instructions; a deleted error no longer blocks its target. */
export async function deleteInstructions(ctx: MsxContext, ids: number[]) {
  parseOrInvalid(instructionIds, ids)
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.downloadInstruction.findMany({
      where: { id: { in: ids } },
      select: { id: true, targetId: true, targetName: true },
    })
    await tx.downloadInstruction.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })
    const targetIds = [...new Set(rows.map((r) => r.targetId))].filter((id) => id !== null)
    await settleResyncs(tx, targetIds)
    await signalTargets(tx, targetIds, 'instructions deleted')
    await recordAudit(tx, ctx.actor, {
      action: 'instruction.delete',
      objectType: 'instruction',
      objectName: rows.map((r) => r.id).join(', '),
      details: { count: rows.length, targets: [...new Set(rows.map((r) => r.targetName))].slice(0, 20) },
    })
    return { deleted: rows.length, targets: distinctNames(rows) }
  })
}

/** Clears the error of instructions: the target downloads them again at its next poll, and its downloads resume. */
export async function clearInstructionErrors(ctx: MsxContext, ids: number[]) {
  parseOrInvalid(instructionIds, ids)
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.downloadInstruction.findMany({
      where: { id: { in: ids }, errorMessage: { not: null } },
      select: { id: true, targetId: true, targetName: true, errorMessage: true },
    })
    await tx.downloadInstruction.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { errorMessage: null },
    })
    await signalTargets(
      tx,
      [...new Set(rows.map((r) => r.targetId))].filter((id) => id !== null),
      'errors cleared',
    )
    await recordAudit(tx, ctx.actor, {
      action: 'instruction.clear',
      objectType: 'instruction',
      objectName: rows.map((r) => r.id).join(', '),
      details: { count: rows.length, errors: rows.slice(0, 20).map((r) => `${r.targetName}: ${r.errorMessage}`) },
    })
    return { cleared: rows.length, targets: distinctNames(rows) }
  })
}

export const instructionListQuery = z.object({
  target: serverName.optional(),
  job: objectName('job').optional(),
  status: z.enum(INSTRUCTION_STATUSES, { error: 'status is pending, downloaded or error' }).optional(),
  operation: z
    .enum(INSTRUCTION_OPERATIONS, { error: `operation is one of ${INSTRUCTION_OPERATIONS.join(', ')}` })
    .optional(),
  /** ISO date and time: instructions posted at or after it */
  postedAfter: z.iso
    .datetime({ offset: true, error: 'postedAfter must be a date and time such as 2026-12-01T00:00:00.000Z' })
    .optional(),
  ...pageFields,
})
export type InstructionListQuery = z.input<typeof instructionListQuery>

export interface InstructionRow {
  id: number
  targetName: string
  operation: string
  objectType: string
  objectName: string | null
  value: string | null
  datePosted: string
  dateDownloaded: string | null
  status: InstructionStatus
  errorMessage: string | null
}

const statusWhere = {
  pending: { status: 0, errorMessage: null },
  downloaded: { status: 1 },
  error: { errorMessage: { not: null } },
} as const

/**
 * Which instructions a query selects. A job is matched by name whatever its case, and by id, so its instructions
 * posted before a rename still show; the name alone finds those of a job since deleted.
 */
async function instructionFilter(db: Db, query: z.output<typeof instructionListQuery>) {
  const job = query.job
    ? await db.job.findUnique({ where: { nameKey: nameKey(query.job) }, select: { id: true } })
    : null
  const jobWhere = query.job
    ? { objectType: 'JOB', OR: [{ objectName: query.job }, ...(job ? [{ objectId: job.id }] : [])] }
    : {}
  return {
    AND: [
      query.target ? { target: { nameKey: nameKey(query.target) } } : {},
      jobWhere,
      query.status ? statusWhere[query.status] : {},
      query.operation ? { operation: query.operation } : {},
      query.postedAfter ? { datePosted: { gte: new Date(query.postedAfter) } } : {},
    ],
  }
}

export interface InstructionList {
  rows: InstructionRow[]
  total: number
  page: number
  pageSize: number
}

/** The download list, newest first (sysdownloadlist as sp_help_downloadlist shows it). */
export async function listInstructions(db: Db, rawQuery: InstructionListQuery = {}): Promise<InstructionList> {
  const query = instructionListQuery.parse(rawQuery)
  const where = await instructionFilter(db, query)
  const [total, rows] = await Promise.all([
    db.downloadInstruction.count({ where }),
    db.downloadInstruction.findMany({
      where,
      orderBy: { id: 'desc' },
      ...pageWindow(query),
    }),
  ])
  return {
    rows: rows.map(
      (r): InstructionRow => ({
        id: r.id,
        targetName: r.targetName,
        operation: r.operation,
        objectType: r.objectType,
        objectName: r.objectName,
        value: r.value,
        datePosted: r.datePosted.toISOString(),
        dateDownloaded: r.dateDownloaded?.toISOString() ?? null,
        status: r.errorMessage ? 'error' : r.status === 1 ? 'downloaded' : 'pending',
        errorMessage: r.errorMessage,
      }),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}
