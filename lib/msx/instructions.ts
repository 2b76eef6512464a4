// Working with the download list: an administrator deletes instructions or clears their errors; lists for the
// dashboard and the CLI. A target's acknowledgements are in acknowledgements.ts.
import { z } from 'zod'
import type { Db } from '../db/client'
import { settleResyncs } from './acknowledgements'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext } from './context'
import { invalid } from './errors'
import { nameKey } from './names'
import { JOB_OPERATIONS, SERVER_OPERATIONS } from './operations'
import { pageFields, pageWindow } from './paging'
import { signalTargets } from './signals'

// acknowledgements live in acknowledgements.ts; kept importable from here
export { type Acknowledgement, acknowledgeInstructions } from './acknowledgements'

function assertIds(ids: number[]) {
  if (ids.length === 0) throw invalid('Choose at least one instruction.')
}

/** Deletes instructions; a deleted error no longer blocks its target. */
export async function deleteInstructions(ctx: MsxContext, ids: number[]) {
  assertIds(ids)
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
    return { deleted: rows.length }
  })
}

/** Clears the error of instructions: the target downloads them again at its next poll, and its downloads resume. */
export async function clearInstructionErrors(ctx: MsxContext, ids: number[]) {
  assertIds(ids)
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
    return { cleared: rows.length }
  })
}

export const INSTRUCTION_STATUSES = ['pending', 'downloaded', 'error'] as const

export const instructionListQuery = z.object({
  target: z.string().trim().max(128).optional(),
  job: z.string().trim().max(128).optional(),
  status: z.enum(INSTRUCTION_STATUSES).optional(),
  operation: z.enum([...JOB_OPERATIONS, ...SERVER_OPERATIONS]).optional(),
  postedAfter: z.coerce.date().optional(),
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
  status: (typeof INSTRUCTION_STATUSES)[number]
  errorMessage: string | null
}

/** The download list, newest first (sysdownloadlist as sp_help_downloadlist shows it). */
export async function listInstructions(db: Db, rawQuery: InstructionListQuery = {}) {
  const query = instructionListQuery.parse(rawQuery)
  const statusWhere = {
    pending: { status: 0, errorMessage: null },
    downloaded: { status: 1 },
    error: { errorMessage: { not: null } },
  } as const
  const where = {
    AND: [
      query.target ? { target: { nameKey: nameKey(query.target) } } : {},
      query.job ? { objectType: 'JOB', objectName: query.job } : {},
      query.status ? statusWhere[query.status] : {},
      query.operation ? { operation: query.operation } : {},
      query.postedAfter ? { datePosted: { gt: query.postedAfter } } : {},
    ],
  }
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
