// Job history keeps each run for the configured number of days (MSX_JOB_HISTORY_DAYS); the notifications sent or
// given up about runs that old go with it (pending ones stay until they are sent or fail), and so do the missed runs
// due before then.
import 'server-only'
import type { Db } from '../db/client'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deletes job history rows that started more than `days` before `now`, and finished notifications of runs that
 * ended before then, oldest first, `batchSize` at a time: each batch is a short statement of its own, so a first
 * purge of a year of history never holds the database for long.
 */
export async function pruneJobHistory(db: Db, days: number, now = new Date(), batchSize = 1000) {
  const cutoff = new Date(now.getTime() - days * DAY_MS)
  const history = await inBatches(batchSize, async (take) => {
    const batch = await db.jobHistory.findMany({
      where: { startedAt: { lt: cutoff } },
      orderBy: { startedAt: 'asc' },
      select: { id: true },
      take,
    })
    if (batch.length === 0) return 0
    return (await db.jobHistory.deleteMany({ where: { id: { in: batch.map((r) => r.id) } } })).count
  })
  const notifications = await inBatches(batchSize, async (take) => {
    const batch = await db.jobNotification.findMany({
      where: { endedAt: { lt: cutoff }, state: { in: ['SENT', 'FAILED'] } },
      orderBy: { endedAt: 'asc' },
      select: { id: true },
      take,
    })
    if (batch.length === 0) return 0
    return (await db.jobNotification.deleteMany({ where: { id: { in: batch.map((r) => r.id) } } })).count
  })
  const missed = await inBatches(batchSize, async (take) => {
    const batch = await db.missedRun.findMany({
      where: { dueAt: { lt: cutoff } },
      orderBy: { dueAt: 'asc' },
      select: { id: true },
      take,
    })
    if (batch.length === 0) return 0
    return (await db.missedRun.deleteMany({ where: { id: { in: batch.map((r) => r.id) } } })).count
  })
  return { history, notifications, missed }
}

async function inBatches(batchSize: number, deleteBatch: (take: number) => Promise<number>) {
  let deleted = 0
  for (;;) {
    const count = await deleteBatch(batchSize)
    deleted += count
    if (count < batchSize) return deleted
  }
}
