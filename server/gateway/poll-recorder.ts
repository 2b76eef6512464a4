// The last-poll data of every target, kept as plain numbers and written in one batch every few seconds, so that
// an empty poll costs no write of its own. A target the dashboard waits to hear from (Force Poll) is written soon.
import type { Db } from '../../lib/db/client'
import type { Log } from '../../lib/log'
import {
  POLL_SAMPLE_EVERY_SECONDS,
  type PollReport,
  prunePollHistory,
  recordPolls,
  recordSpool,
  type SpoolReport,
} from '../../lib/msx/polls'
import { type Clock, systemClock, type Timer } from './clock'

export const FLUSH_EVERY_MS = 2000
/** a poll the dashboard waits to see (the answer to Force Poll) is written this soon */
export const FLUSH_SOON_MS = 50
const PRUNE_EVERY_MS = 10 * 60_000

/** What a poll tells the gateway about its target. */
export interface PollSeen {
  /** when the master received the poll (epoch ms) */
  at: number
  /** the target's own clock at that moment (epoch ms) */
  localTime: number
  clockSkewMs: number
  spoolDepth: number
  spoolOldestAt: string | null
  pollIntervalSeconds: number
  /** the network address the poll came from */
  address: string
}

export class PollRecorder {
  private reports = new Map<number, PollSeen & { sample: boolean }>()
  private readonly lastSampleAt = new Map<number, number>()
  /** targets asked to poll now, whose next poll is written at once rather than with the next batch */
  private readonly awaited = new Set<number>()
  private flushSoon: Timer | null = null
  private timers: Timer[] = []

  constructor(
    private readonly db: Db,
    private readonly log: Log,
    private readonly clock: Clock = systemClock,
  ) {}

  start() {
    this.timers.push(this.clock.every(FLUSH_EVERY_MS, () => this.flush()))
    this.timers.push(
      this.clock.every(PRUNE_EVERY_MS, () => prunePollHistory(this.db, new Date(this.clock.now())).catch(() => {})),
    )
  }

  /** No more batches on the clock; a last `flush` writes what is left. */
  stop() {
    for (const timer of this.timers) this.clock.cancel(timer)
    this.timers = []
  }

  /** The target was asked to poll now: its next poll is written within FLUSH_SOON_MS. */
  awaitPoll(targetId: number) {
    this.awaited.add(targetId)
  }

  /** Forgets that a target's poll is awaited (it defected, or its certificate changed). */
  forget(targetId: number) {
    this.awaited.delete(targetId)
  }

  /** Keeps the poll until the next batch, in place of an unwritten one of the same target. */
  record(targetId: number, seen: PollSeen) {
    const last = this.lastSampleAt.get(targetId) ?? 0
    const sample = seen.at - last >= POLL_SAMPLE_EVERY_SECONDS * 1000
    if (sample) this.lastSampleAt.set(targetId, seen.at)
    const previous = this.reports.get(targetId)
    this.reports.set(targetId, Object.assign(seen, { sample: sample || previous?.sample === true }))
    if (this.awaited.delete(targetId)) this.flushSoon ??= this.clock.after(FLUSH_SOON_MS, () => this.flush())
  }

  /** An upload tells what stays in the target's spool: a poll not yet written carries it, or it is written now. */
  async recordSpool(targetId: number, spool: SpoolReport) {
    const pending = this.reports.get(targetId)
    if (!pending) return recordSpool(this.db, targetId, spool)
    pending.spoolDepth = spool.depth
    pending.spoolOldestAt = spool.oldestAt
  }

  /** Writes the polls kept since the last batch; a failure is logged, and those polls are not retried. */
  async flush() {
    if (this.flushSoon) this.clock.cancel(this.flushSoon)
    this.flushSoon = null
    if (this.reports.size === 0) return
    const batch: PollReport[] = []
    for (const [targetId, seen] of this.reports)
      batch.push({
        targetId,
        at: new Date(seen.at),
        localTime: new Date(seen.localTime),
        clockSkewMs: seen.clockSkewMs,
        spoolDepth: seen.spoolDepth,
        spoolOldestAt: seen.spoolOldestAt === null ? null : new Date(seen.spoolOldestAt),
        pollIntervalSeconds: seen.pollIntervalSeconds,
        address: seen.address,
        sample: seen.sample,
      })
    this.reports = new Map()
    try {
      await recordPolls(this.db, batch)
    } catch (error) {
      this.log.warn({ err: error }, `could not record ${batch.length} polls`)
    }
  }
}
