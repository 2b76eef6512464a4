// Targets that leave their instructions waiting: a target that polls downloads what is posted to it within one
// poll interval (at once, when it holds a long poll), so instructions still pending after several intervals mean
// the target does not reach the master. A target held by an instruction's error is left out: the error says why.
import 'server-only'
import type { Db } from '../db/client'
import { chunks } from '../db/sql'
import { unreadCounts } from './download-list'
import { MIN_POLL_INTERVAL_SECONDS } from './operations'
import { OFFLINE_AFTER_POLL_INTERVALS } from './status'

export interface StaleTarget {
  name: string
  /** its unread instructions */
  pending: number
  /** when its oldest pending instruction was posted */
  waitingSince: string
  lastPolled: string | null
  pollIntervalSeconds: number
  /** it polled after its oldest pending instruction was posted, and still did not download it */
  polledSince: boolean
}

export interface StaleDownloads {
  /** how many targets leave instructions waiting */
  total: number
  /** the ones waiting longest, longest first, at most `limit` */
  targets: StaleTarget[]
}

/** Prisma refuses a query with more than 999 bound values on SQLite. */
const IDS_PER_QUERY = 900

/**
 * Targets whose oldest pending instruction was posted more than OFFLINE_AFTER_POLL_INTERVALS of their poll
 * intervals ago and is held by no error.
 */
export async function staleDownloads(
  db: Db,
  { now = new Date(), limit = 5 }: { now?: Date; limit?: number } = {},
): Promise<StaleDownloads> {
  // no target polls more often than the shortest interval: younger instructions cannot be late yet
  const earliest = new Date(now.getTime() - OFFLINE_AFTER_POLL_INTERVALS * MIN_POLL_INTERVAL_SECONDS * 1000)
  const waiting = await db.downloadInstruction.groupBy({
    by: ['targetId'],
    where: {
      status: 0,
      errorMessage: null,
      datePosted: { lt: earliest },
      target: { instructions: { none: { errorMessage: { not: null } } } },
    },
    _min: { datePosted: true },
  })
  const oldest = new Map<number, Date>()
  for (const row of waiting)
    if (row.targetId !== null && row._min.datePosted) oldest.set(row.targetId, row._min.datePosted)

  const stale: (Omit<StaleTarget, 'pending'> & { id: number })[] = []
  for (const ids of chunks([...oldest.keys()], IDS_PER_QUERY)) {
    const targets = await db.targetServer.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, lastPollAt: true, pollIntervalSeconds: true },
    })
    for (const target of targets) {
      const since = oldest.get(target.id) as Date
      const lateAfterMs = OFFLINE_AFTER_POLL_INTERVALS * target.pollIntervalSeconds * 1000
      if (now.getTime() - since.getTime() <= lateAfterMs) continue
      stale.push({
        id: target.id,
        name: target.name,
        waitingSince: since.toISOString(),
        lastPolled: target.lastPollAt?.toISOString() ?? null,
        pollIntervalSeconds: target.pollIntervalSeconds,
        polledSince: target.lastPollAt !== null && target.lastPollAt > since,
      })
    }
  }
  stale.sort((a, b) => a.waitingSince.localeCompare(b.waitingSince) || a.name.localeCompare(b.name))
  const shown = stale.slice(0, limit)
  const pending = await unreadCounts(
    db,
    shown.map((t) => t.id),
  )
  return {
    total: stale.length,
    targets: shown.map(({ id, ...target }) => ({ ...target, pending: pending.get(id) ?? 0 })),
  }
}
