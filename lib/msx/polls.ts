// Polls are recorded in batches: the gateway answers each poll from memory and hands the last-poll data of
// many targets to recordPolls every few seconds, so an empty poll costs no write of its own.
import 'server-only'
import type { Db } from '../db/client'
import { chunks, join, sql, timestamp } from '../db/sql'
import { noteChange } from './changes'
import { transaction } from './context'
import { suspectOfflineAt } from './status'

export interface PollReport {
  targetId: number
  /** when the master received the poll */
  at: Date
  /** the target's own clock at that moment */
  localTime: Date
  clockSkewMs: number
  spoolDepth: number
  spoolOldestAt: Date | null
  pollIntervalSeconds: number
  /** the network address the poll came from (kept as it was when not given) */
  address?: string
  /** keep this poll in the target's poll history too */
  sample: boolean
}

export const POLL_SAMPLE_EVERY_SECONDS = 300
export const POLL_HISTORY_HOURS = 24

export async function recordPolls(db: Db, reports: PollReport[]) {
  if (reports.length === 0) return
  // in id order, as bulk actions lock targets: on PostgreSQL the two never wait on each other in a circle
  const ordered = [...reports].sort((a, b) => a.targetId - b.targetId)
  await transaction(db, async (tx) => {
    for (const part of chunks(ordered, 500)) {
      const rows = part.map(
        (r) =>
          sql`(CAST(${r.targetId} AS INTEGER), ${timestamp(tx, r.at)}, ${timestamp(tx, r.localTime)}, CAST(${r.clockSkewMs} AS INTEGER),
            CAST(${r.spoolDepth} AS INTEGER), ${timestamp(tx, r.spoolOldestAt)},
            ${timestamp(tx, suspectOfflineAt(r.at, r.pollIntervalSeconds))}, ${r.address ?? null})`,
      )
      // VALUES columns are column1..column8 on both SQLite and PostgreSQL
      await tx.$executeRaw`
        UPDATE target_servers SET last_poll_at = v.column2, local_time_at_last_poll = v.column3,
          clock_skew_ms = v.column4, spool_depth = v.column5, spool_oldest_at = v.column6, suspect_offline_at = v.column7,
          last_poll_address = COALESCE(v.column8, target_servers.last_poll_address)
        FROM (VALUES ${join(rows)}) AS v WHERE target_servers.id = v.column1`
    }
    const samples = reports.filter((r) => r.sample)
    if (samples.length > 0)
      await tx.targetPollSample.createMany({
        data: samples.map((r) => ({
          targetId: r.targetId,
          at: r.at,
          pollIntervalSeconds: r.pollIntervalSeconds,
          clockSkewMs: r.clockSkewMs,
          spoolDepth: r.spoolDepth,
        })),
      })
    await noteChange(tx, ['targets'])
  })
}

export interface SpoolReport {
  depth: number
  oldestAt: string | null
}

/** What an agent's outcome upload left in its spool, shown until its next poll says more. */
export async function recordSpool(db: Db, targetId: number, spool: SpoolReport) {
  await transaction(db, async (tx) => {
    await tx.targetServer.updateMany({
      where: { id: targetId },
      data: { spoolDepth: spool.depth, spoolOldestAt: spool.oldestAt === null ? null : new Date(spool.oldestAt) },
    })
    await noteChange(tx, ['targets'])
  })
}

/** Drops poll history older than it is kept. */
export async function prunePollHistory(db: Db, now = new Date()) {
  const before = new Date(now.getTime() - POLL_HISTORY_HOURS * 3_600_000)
  await db.targetPollSample.deleteMany({ where: { at: { lt: before } } })
  await db.agentSignal.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 3_600_000) } } })
}
