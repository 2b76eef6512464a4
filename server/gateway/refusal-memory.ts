// What the gateway remembers of the requests it refuses: per client certificate, the last refusal (when, from
// where, why) and how many, written to the database in batches like last-poll times. Bounded: certificates no
// target holds (anyone on the internet can present one) take at most a fixed number of places between batches.
import type { Db } from '../../lib/db/client'
import type { Log } from '../../lib/log'
import { pruneRefusals, type RefusalReport, recordRefusals } from '../../lib/msx/refused-requests'

const FLUSH_EVERY_MS = 2000
const PRUNE_EVERY_MS = 10 * 60_000
/** certificates of enlisted or revoked targets: bounded by the fleet, but not trusted to be */
export const MAX_KNOWN_REMEMBERED = 50_000
export const MAX_UNKNOWN_REMEMBERED = 1000

export type Refused = Omit<RefusalReport, 'firstAt' | 'lastAt' | 'count'>

export class RefusalMemory {
  private pending = new Map<string, RefusalReport>()
  private unknownCount = 0
  /** refusals not remembered because the memory was full, reported with the next batch */
  private dropped = 0
  private timers: NodeJS.Timeout[] = []
  private flushing: Promise<void> | null = null

  constructor(
    private readonly db: Db,
    private readonly log: Log,
    private readonly now: () => number = Date.now,
  ) {}

  start() {
    this.timers.push(setInterval(() => void this.flush(), FLUSH_EVERY_MS))
    this.timers.push(setInterval(() => void pruneRefusals(this.db).catch(() => {}), PRUNE_EVERY_MS))
  }

  async stop() {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
    await this.flush()
  }

  /** Counts one refused request; no promise, no write. */
  note(refused: Refused) {
    const at = new Date(this.now())
    const seen = this.pending.get(refused.fingerprint)
    if (seen) {
      Object.assign(seen, refused, { lastAt: at, count: seen.count + 1 })
      return
    }
    const unknown = refused.targetId === null && refused.reason === 'certificate_unknown'
    if (unknown ? this.unknownCount >= MAX_UNKNOWN_REMEMBERED : this.pending.size >= MAX_KNOWN_REMEMBERED) {
      this.dropped++
      return
    }
    if (unknown) this.unknownCount++
    this.pending.set(refused.fingerprint, { ...refused, firstAt: at, lastAt: at, count: 1 })
  }

  /** What is remembered and not yet written, for a look before the next batch. */
  unwritten(): RefusalReport[] {
    return [...this.pending.values()]
  }

  /** Writes what was counted since the last batch. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = null
    })
    return this.flushing
  }

  private async write() {
    if (this.dropped > 0) {
      this.log.warn(`${this.dropped} refused agent requests were not remembered: too many unknown certificates`)
      this.dropped = 0
    }
    if (this.pending.size === 0) return
    const batch = [...this.pending.values()]
    this.pending = new Map()
    this.unknownCount = 0
    try {
      await recordRefusals(this.db, batch)
    } catch (error) {
      this.log.warn({ err: error }, `could not record ${batch.length} refused agent requests`)
    }
  }
}
