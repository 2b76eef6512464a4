// A target acknowledges what it downloaded, or the error it met. A carried-out instruction is marked downloaded;
// an error is written to it and blocks the target's further downloads; a carried-out SET-POLL changes the target's
// polling interval, a carried-out INSERT or UPDATE of a job sets the definition version the target holds, a
// carried-out DEFECT completes its defection, and a re-synchronizing target with nothing left to download is back
// to normal. The gateway hands over the acknowledgements of many targets at once (a fleet-wide post is acknowledged
// by every target within seconds), so each of these is one statement for all of them.
import 'server-only'
import type { Db, Tx } from '../db/client'
import { chunks, join, sql, timestamp } from '../db/sql'
import { noteChange } from './changes'
import { transaction } from './context'
import { suspectOfflineAt } from './status'
import { completeDefection } from './targets'

export interface Acknowledgement {
  id: number
  /** false: the target could not carry it out; `error` says why, and blocks its further downloads */
  ok: boolean
  error?: string
}

export interface TargetAcknowledgements {
  targetId: number
  acks: Acknowledgement[]
}

/** Prisma refuses a query with more than 999 bound values on SQLite. */
const IDS_PER_QUERY = 900

/** Records one target's acknowledgements in one transaction. Returns whether it is still enlisted. */
export async function acknowledgeInstructions(db: Db, targetId: number, acks: Acknowledgement[], now = new Date()) {
  const [result] = await acknowledgeMany(db, [{ targetId, acks }], now)
  return result as { enlisted: boolean }
}

/** Records many targets' acknowledgements in one transaction, each as if alone; returns, for each, whether it is still enlisted. */
export function acknowledgeMany(db: Db, batch: TargetAcknowledgements[], now = new Date()) {
  return transaction(db, async (tx) => {
    const results = await acknowledgeIn(tx, batch, now)
    await noteChange(tx, ['targets', 'instructions', 'jobs'])
    return results
  })
}

interface Unread {
  id: number
  targetId: number | null
  operation: string
  value: string | null
  objectId: number | null
  jobVersion: number | null
}

async function acknowledgeIn(tx: Tx, batch: TargetAcknowledgements[], now: Date) {
  const unread = new Map<number, Unread>()
  const ids = [...new Set(batch.flatMap(({ acks }) => acks.map((a) => a.id)))]
  for (const part of chunks(ids, IDS_PER_QUERY))
    for (const row of await tx.downloadInstruction.findMany({
      where: { id: { in: part }, status: 0 },
      select: { id: true, targetId: true, operation: true, value: true, objectId: true, jobVersion: true },
    }))
      unread.set(row.id, row)

  const done: number[] = []
  const failed: Acknowledgement[] = []
  const carriedOut = batch.map(({ targetId, acks }) => {
    const rows: Unread[] = []
    for (const ack of acks) {
      const row = unread.get(ack.id)
      // a target acknowledges only its own unread instructions, each once
      if (!row || row.targetId !== targetId) continue
      unread.delete(ack.id)
      if (!ack.ok) failed.push(ack)
      else {
        done.push(ack.id)
        rows.push(row)
      }
    }
    return rows
  })
  for (const part of chunks(done, IDS_PER_QUERY))
    await tx.downloadInstruction.updateMany({
      where: { id: { in: part } },
      data: { status: 1, dateDownloaded: now, errorMessage: null },
    })
  for (const ack of failed)
    await tx.downloadInstruction.update({
      where: { id: ack.id },
      data: { errorMessage: (ack.error?.trim() || 'The target could not carry out the instruction.').slice(0, 2000) },
    })

  await recordHeldVersions(tx, carriedOut.flat())

  const results: { enlisted: boolean }[] = []
  const intervals = new Map<number, number>()
  const stillEnlisted: number[] = []
  for (const [i, { targetId }] of batch.entries()) {
    const rows = carriedOut[i] ?? []
    if (rows.some((r) => r.operation === 'DEFECT')) {
      await completeDefection(tx, targetId)
      results.push({ enlisted: false })
      continue
    }
    const setPoll = rows.filter((r) => r.operation === 'SET-POLL').at(-1)
    if (setPoll?.value) intervals.set(targetId, Number(setPoll.value))
    stillEnlisted.push(targetId)
    results.push({ enlisted: true })
  }
  await applyPollIntervals(tx, intervals, now)
  await settleResyncs(tx, stillEnlisted)
  return results
}

/** A carried-out INSERT or UPDATE of a job: the target now holds the version it posted (one statement per version). */
async function recordHeldVersions(tx: Tx, rows: Unread[]) {
  const byVersion = new Map<string, { jobId: number; version: number; targetIds: number[] }>()
  for (const row of rows) {
    if (row.jobVersion === null || row.objectId === null || row.targetId === null) continue
    const key = `${row.objectId}:${row.jobVersion}`
    const group = byVersion.get(key) ?? { jobId: row.objectId, version: row.jobVersion, targetIds: [] }
    group.targetIds.push(row.targetId)
    byVersion.set(key, group)
  }
  // in posting order, so that of two acknowledged at once the later one's version stays
  const groups = [...byVersion.values()].sort((a, b) => a.version - b.version)
  for (const { jobId, version, targetIds } of groups)
    for (const part of chunks(targetIds, IDS_PER_QUERY))
      await tx.jobServer.updateMany({ where: { jobId, targetId: { in: part } }, data: { heldVersion: version } })
}

/** A carried-out SET-POLL: the new interval, and the moment the target counts as suspected offline under it. */
async function applyPollIntervals(tx: Tx, intervals: Map<number, number>, now: Date) {
  if (intervals.size === 0) return
  const targets = []
  for (const part of chunks([...intervals.keys()], IDS_PER_QUERY))
    targets.push(
      ...(await tx.targetServer.findMany({
        where: { id: { in: part } },
        select: { id: true, lastPollAt: true, enlistedAt: true },
      })),
    )
  for (const part of chunks(targets, 500)) {
    const rows = part.map((t) => {
      const seconds = intervals.get(t.id) ?? 0
      const suspect = suspectOfflineAt(t.lastPollAt ?? t.enlistedAt, seconds)
      return sql`(CAST(${t.id} AS INTEGER), CAST(${seconds} AS INTEGER), ${timestamp(tx, suspect)})`
    })
    // VALUES columns are column1..column3 on both SQLite and PostgreSQL
    await tx.$executeRaw`
      UPDATE target_servers SET poll_interval_seconds = v.column2, suspect_offline_at = v.column3,
        updated_at = ${timestamp(tx, now)}
      FROM (VALUES ${join(rows)}) AS v WHERE target_servers.id = v.column1`
  }
}

/** A re-synchronizing target is back to normal once it has nothing left to download. */
export async function settleResyncs(tx: Tx, targetIds: number[]) {
  for (const part of chunks(targetIds, IDS_PER_QUERY)) {
    const resyncing = await tx.targetServer.findMany({
      where: { id: { in: part }, state: 'RESYNC_PENDING' },
      select: { id: true },
    })
    if (resyncing.length === 0) continue
    const ids = resyncing.map((t) => t.id)
    const pending = await tx.downloadInstruction.groupBy({
      by: ['targetId'],
      where: { targetId: { in: ids }, status: 0 },
      _count: { _all: true },
    })
    const busy = new Set(pending.map((p) => p.targetId))
    const settled = ids.filter((id) => !busy.has(id))
    if (settled.length > 0)
      await tx.targetServer.updateMany({
        where: { id: { in: settled }, state: 'RESYNC_PENDING' },
        data: { state: 'ENLISTED' },
      })
  }
}
