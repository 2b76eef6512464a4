// Claiming due outbox rows as messages: the rows of one job and channel whose runs ended within the window become
// one message once the window has closed. A claim leases its rows (next_attempt_at moves past the lease) in a short
// transaction, so no sender holds locks while it talks to a mail server and no other master process sends them.
import crypto from 'node:crypto'
import 'server-only'
import type { JobNotification } from '../../generated/sqlite/client'
import { type Db, providerOf, type Tx } from '../db/client'
import { transaction } from './context'
import type { NotifyChannel } from './notification-rules'

export interface ClaimedMessage {
  batchId: string
  jobId: number
  jobName: string
  channel: NotifyChannel
  rows: JobNotification[]
}

export interface ClaimOptions {
  now: Date
  windowMs: number
  /** long enough for any send to end; a sender that crashed meanwhile has its rows sent again after it */
  leaseMs: number
  /** the most messages one claim returns */
  maxMessages: number
}

/** the most rows one message holds; a larger fleet-wide failure goes out as several messages */
export const MAX_ROWS_PER_MESSAGE = 5000

export async function claimDueMessages(db: Db, options: ClaimOptions): Promise<ClaimedMessage[]> {
  const due = { state: 'PENDING', nextAttemptAt: { lte: options.now } }
  const keys = await db.jobNotification.groupBy({
    by: ['jobId', 'channel'],
    where: due,
    orderBy: [{ jobId: 'asc' }, { channel: 'asc' }],
    take: 500,
  })
  const claimed: ClaimedMessage[] = []
  for (const key of keys) {
    if (claimed.length >= options.maxMessages) break
    claimed.push(...(await claimJobChannel(db, key.jobId, key.channel, options, options.maxMessages - claimed.length)))
  }
  return claimed
}

function claimJobChannel(db: Db, jobId: number, channel: string, options: ClaimOptions, most: number) {
  return transaction(db, async (tx) => {
    const rows = await lockDueRows(tx, jobId, channel, options.now)
    const messages = formMessages(rows, options.now, options.windowMs).slice(0, most)
    const leaseEnd = new Date(options.now.getTime() + options.leaseMs)
    for (const m of messages)
      await tx.jobNotification.updateMany({
        where: { id: { in: m.rows.map((r) => r.id) } },
        data: { batchId: m.batchId, attempts: { increment: 1 }, nextAttemptAt: leaseEnd },
      })
    return messages
  })
}

/**
 * The due rows of one job and channel, locked. On PostgreSQL a transaction-scoped advisory lock on the job and
 * channel lets one master process form its messages at a time (another skips it this round), and FOR UPDATE SKIP
 * LOCKED passes over rows a sender is marking right now; on SQLite the one writer at a time does both.
 */
async function lockDueRows(tx: Tx, jobId: number, channel: string, now: Date): Promise<JobNotification[]> {
  const where = { jobId, channel, state: 'PENDING', nextAttemptAt: { lte: now } }
  const order = [{ nextAttemptAt: 'asc' as const }, { id: 'asc' as const }]
  if (providerOf(tx) === 'sqlite')
    return tx.jobNotification.findMany({ where, orderBy: order, take: MAX_ROWS_PER_MESSAGE })
  const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(hashtext(${`msx-notify:${jobId}:${channel}`})) AS locked`
  if (!lock?.locked) return []
  const candidates = await tx.jobNotification.findMany({
    where,
    orderBy: order,
    take: MAX_ROWS_PER_MESSAGE,
    select: { id: true },
  })
  if (candidates.length === 0) return []
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM job_notifications WHERE id = ANY(${candidates.map((c) => c.id)}::int[]) FOR UPDATE SKIP LOCKED`
  // read again once locked: a sender may have marked some of them since the first read
  return tx.jobNotification.findMany({ where: { ...where, id: { in: locked.map((l) => l.id) } }, orderBy: order })
}

/**
 * Rows sent before and due again (a retry, or a lease whose sender never marked it) keep their message; new rows
 * are grouped from the earliest: every row within `windowMs` of it, once that window has closed.
 */
export function formMessages(rows: JobNotification[], now: Date, windowMs: number): ClaimedMessage[] {
  const messages = new Map<string, ClaimedMessage>()
  const message = (batchId: string, row: JobNotification) => {
    let m = messages.get(batchId)
    if (!m) {
      m = { batchId, jobId: row.jobId, jobName: row.jobName, channel: row.channel as NotifyChannel, rows: [] }
      messages.set(batchId, m)
    }
    m.rows.push(row)
  }
  const fresh: JobNotification[] = []
  for (const row of rows) {
    if (row.batchId) message(row.batchId, row)
    else fresh.push(row)
  }
  fresh.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id)
  let i = 0
  while (i < fresh.length) {
    const windowEnd = (fresh[i] as JobNotification).nextAttemptAt.getTime() + windowMs
    if (windowEnd > now.getTime()) break
    const batchId = crypto.randomUUID()
    while (i < fresh.length && (fresh[i] as JobNotification).nextAttemptAt.getTime() <= windowEnd)
      message(batchId, fresh[i++] as JobNotification)
  }
  return [...messages.values()]
}
