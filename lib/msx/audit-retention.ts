// The activity log keeps each entry for the configured number of days (MSX_AUDIT_RETENTION_DAYS).
import 'server-only'
import type { Db } from '../db/client'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deletes the entries older than `retentionDays` before `now`, oldest first, `batchSize` at a time: each batch
 * is a short statement of its own, so a first prune of years of entries never holds the database for long.
 * Returns how many were deleted.
 */
export async function pruneAuditEvents(db: Db, retentionDays: number, now = new Date(), batchSize = 1000) {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS)
  let deleted = 0
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: { at: { lt: cutoff } },
      orderBy: { at: 'asc' },
      select: { id: true },
      take: batchSize,
    })
    if (batch.length === 0) return deleted
    const { count } = await db.auditEvent.deleteMany({ where: { id: { in: batch.map((e) => e.id) } } })
    deleted += count
    if (batch.length < batchSize) return deleted
  }
}
