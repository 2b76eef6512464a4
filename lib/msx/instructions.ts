// Working with the download list: a target acknowledges what it downloaded (or the error it met); an
// administrator deletes instructions or clears their errors; lists for the dashboard and the CLI.
import { z } from 'zod'
import type { Db, Tx } from '../db/client'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext, transaction } from './context'
import { invalid } from './errors'
import { nameKey } from './names'
import { JOB_OPERATIONS, SERVER_OPERATIONS } from './operations'
import { pageFields, pageWindow } from './paging'
import { signalTargets } from './signals'
import { suspectOfflineAt } from './status'
import { completeDefection } from './targets'

export interface Acknowledgement {
  id: number
  /** false: the target could not carry it out; `error` says why, and blocks its further downloads */
  ok: boolean
  error?: string
}

/**
 * Records what a target did with the instructions it downloaded, in one transaction. Carried-out SET-POLL
 * changes its polling interval; carried-out DEFECT completes its defection. Returns whether it is still enlisted.
 */
export async function acknowledgeInstructions(db: Db, targetId: number, acks: Acknowledgement[], now = new Date()) {
  return transaction(db, async (tx) => {
    const ids = acks.map((a) => a.id)
    const rows = await tx.downloadInstruction.findMany({ where: { id: { in: ids }, targetId, status: 0 } })
    const byId = new Map(rows.map((r) => [r.id, r]))
    const done = acks.filter((a) => a.ok && byId.has(a.id)).map((a) => a.id)
    if (done.length > 0)
      await tx.downloadInstruction.updateMany({
        where: { id: { in: done } },
        data: { status: 1, dateDownloaded: now, errorMessage: null },
      })
    for (const ack of acks.filter((a) => !a.ok && byId.has(a.id)))
      await tx.downloadInstruction.update({
        where: { id: ack.id },
        data: { errorMessage: (ack.error?.trim() || 'The target could not carry out the instruction.').slice(0, 2000) },
      })
    const applied = done.map((id) => byId.get(id)).filter((r) => r !== undefined)
    if (applied.some((r) => r.operation === 'DEFECT')) {
      await completeDefection(tx, targetId)
      return { enlisted: false }
    }
    const setPoll = applied.filter((r) => r.operation === 'SET-POLL').at(-1)
    if (setPoll?.value) await applyPollInterval(tx, targetId, Number(setPoll.value))
    await settleResync(tx, targetId)
    return { enlisted: true }
  })
}

async function applyPollInterval(tx: Tx, targetId: number, pollIntervalSeconds: number) {
  const target = await tx.targetServer.findUnique({ where: { id: targetId } })
  if (!target) return
  const since = target.lastPollAt ?? target.enlistedAt
  await tx.targetServer.update({
    where: { id: targetId },
    data: { pollIntervalSeconds, suspectOfflineAt: suspectOfflineAt(since, pollIntervalSeconds) },
  })
}

/** A re-synchronizing target is back to normal once it has nothing left to download. */
async function settleResync(tx: Tx, targetId: number) {
  const pending = await tx.downloadInstruction.count({ where: { targetId, status: 0 } })
  if (pending === 0)
    await tx.targetServer.updateMany({ where: { id: targetId, state: 'RESYNC_PENDING' }, data: { state: 'ENLISTED' } })
}

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
    for (const targetId of targetIds) await settleResync(tx, targetId)
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
