// New instructions and signals, written by this or any other master process (or the msx CLI), as they arrive:
// rows after a cursor, looked for every 200 ms, and at once on PostgreSQL's NOTIFY. A failed look leaves the
// cursor where it was, so the next one sees the same rows.
import type { Db } from '../../lib/db/client'
import { providerOf } from '../../lib/db/client'
import { type Listening, listenTo } from '../../lib/db/listen'
import type { Log } from '../../lib/log'
import { AGENT_SIGNAL_CHANNEL } from '../../lib/msx/signals'
import { type Clock, systemClock, type Timer } from './clock'

export const WATCH_EVERY_MS = 200

export interface Changes {
  /** instructions were posted to these targets (each once, in the order of their first new instruction) */
  posted(targetIds: number[]): Promise<void>
  /** a target, or every target (null), was asked to act at once */
  signalled(targetId: number | null): void
}

export class ChangeFeed {
  private lastInstructionId = 0
  private lastSignalId = 0
  private timer: Timer | null = null
  private listener: Listening | null = null
  private looking: Promise<void> | null = null

  constructor(
    private readonly db: Db,
    private readonly log: Log,
    private readonly databaseUrl: string,
    private readonly changes: Changes,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Starts after what is already written: only rows from now on are changes. */
  async start() {
    const [instruction, signal] = await Promise.all([
      this.db.downloadInstruction.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }),
      this.db.agentSignal.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }),
    ])
    this.lastInstructionId = instruction?.id ?? 0
    this.lastSignalId = signal?.id ?? 0
    this.timer = this.clock.every(WATCH_EVERY_MS, () => this.look())
    if (providerOf(this.db) === 'postgresql')
      this.listener = await listenTo(this.databaseUrl, AGENT_SIGNAL_CHANNEL, () => void this.look(), this.log)
  }

  /** Stops looking; a look under way goes on (`idle` waits for it). */
  async stop() {
    if (this.timer) this.clock.cancel(this.timer)
    this.timer = null
    await this.listener?.end().catch(() => {})
  }

  /** Resolves when no look is under way. */
  async idle() {
    await this.looking
  }

  /** Picks up what was written since the last look; a look asked for during one is that one. */
  look(): Promise<void> {
    this.looking ??= this.readAndTell().finally(() => {
      this.looking = null
    })
    return this.looking
  }

  private async readAndTell() {
    try {
      const instructions = await this.db.downloadInstruction.findMany({
        where: { id: { gt: this.lastInstructionId } },
        select: { id: true, targetId: true },
        orderBy: { id: 'asc' },
      })
      const targets = new Set<number>()
      for (const row of instructions) if (row.targetId !== null) targets.add(row.targetId)
      if (targets.size > 0) await this.changes.posted([...targets])
      this.lastInstructionId = instructions.at(-1)?.id ?? this.lastInstructionId
      const signals = await this.db.agentSignal.findMany({
        where: { id: { gt: this.lastSignalId } },
        select: { id: true, targetId: true },
        orderBy: { id: 'asc' },
      })
      for (const row of signals) this.changes.signalled(row.targetId)
      this.lastSignalId = signals.at(-1)?.id ?? this.lastSignalId
    } catch (error) {
      this.log.warn({ err: error }, 'could not check for new instructions')
    }
  }
}
