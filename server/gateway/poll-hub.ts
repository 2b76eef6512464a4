// What the gateway keeps in memory so that an empty poll costs no database round trip: who each client
// certificate belongs to, which targets are known to have nothing to download, the long polls waiting, and the
// last-poll data of every target, written to the database in batches. The database stays the source of truth:
// new instructions and signals (from any master process, or the msx CLI) are watched for and invalidate it.
import type { Db } from '../../lib/db/client'
import { providerOf } from '../../lib/db/client'
import { type Listening, listenTo } from '../../lib/db/listen'
import type { Log } from '../../lib/log'
import { type AgentIdentity, identifyAgent } from '../../lib/msx/agents'
import { type PendingDownload, pendingInstructions, pendingInstructionsOf } from '../../lib/msx/download-list'
import { jobPayload } from '../../lib/msx/jobs'
import {
  POLL_SAMPLE_EVERY_SECONDS,
  type PollReport,
  prunePollHistory,
  recordPolls,
  recordSpool,
  type SpoolReport,
} from '../../lib/msx/polls'
import { AGENT_SIGNAL_CHANNEL } from '../../lib/msx/signals'
import type { Instruction } from '../../lib/protocol/agent-v1'

const WATCH_EVERY_MS = 200
const FLUSH_EVERY_MS = 2000
/** a poll the dashboard waits to see (the answer to Force Poll) is written this soon */
const FLUSH_SOON_MS = 50
const PRUNE_EVERY_MS = 10 * 60_000
const IDENTITY_TTL_MS = 5 * 60_000

export interface Work {
  instructions: Instruction[]
  blockedBy: { id: number; errorMessage: string } | null
}

/** What a poll tells the gateway about its target, kept as plain numbers until the next batched write. */
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

export class PollHub {
  private readonly identities = new Map<string, { identity: AgentIdentity; at: number }>()
  /** targets known to have nothing to download (and what blocks them, if anything) */
  private readonly clean = new Map<number, Work['blockedBy']>()
  private readonly generation = new Map<number, number>()
  private readonly waiters = new Map<number, Set<() => void>>()
  /** work fetched for many woken long polls in one query, each handed to its next poll once */
  private readonly prepared = new Map<number, Work>()
  private reports = new Map<number, PollSeen & { sample: boolean }>()
  private readonly lastSampleAt = new Map<number, number>()
  /** targets asked to poll now, whose next poll is written at once rather than with the next batch */
  private readonly awaited = new Set<number>()
  private flushSoon: NodeJS.Timeout | null = null
  private lastInstructionId = 0
  private lastSignalId = 0
  private timers: NodeJS.Timeout[] = []
  private watching: Promise<void> | null = null
  private listener: Listening | null = null

  constructor(
    private readonly db: Db,
    private readonly log: Log,
    private readonly databaseUrl: string,
  ) {}

  async start() {
    const [instruction, signal] = await Promise.all([
      this.db.downloadInstruction.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }),
      this.db.agentSignal.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }),
    ])
    this.lastInstructionId = instruction?.id ?? 0
    this.lastSignalId = signal?.id ?? 0
    this.timers.push(setInterval(() => void this.watch(), WATCH_EVERY_MS))
    this.timers.push(setInterval(() => void this.flush(), FLUSH_EVERY_MS))
    this.timers.push(setInterval(() => void prunePollHistory(this.db).catch(() => {}), PRUNE_EVERY_MS))
    if (providerOf(this.db) === 'postgresql') await this.listen()
  }

  async stop() {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
    await this.listener?.end().catch(() => {})
    for (const wake of [...this.waiters.values()].flatMap((set) => [...set])) wake()
    await this.watching
    await this.flush()
  }

  /** Who holds this certificate, when it is known in memory (no promise on the hot path). */
  knownIdentity(fingerprint: string): AgentIdentity | undefined {
    const cached = this.identities.get(fingerprint)
    return cached && Date.now() - cached.at < IDENTITY_TTL_MS ? cached.identity : undefined
  }

  async identify(fingerprint: string): Promise<AgentIdentity> {
    const cached = this.identities.get(fingerprint)
    if (cached && Date.now() - cached.at < IDENTITY_TTL_MS) return cached.identity
    const identity = await identifyAgent(this.db, fingerprint)
    this.identities.set(fingerprint, { identity, at: Date.now() })
    return identity
  }

  /** Forgets what is cached for a target (it defected, or its certificate changed). */
  forget(targetId: number) {
    for (const [fingerprint, { identity }] of this.identities)
      if (identity.kind === 'target' && identity.target.id === targetId) this.identities.delete(fingerprint)
    this.awaited.delete(targetId)
    this.invalidate(targetId)
  }

  recordPoll(targetId: number, seen: PollSeen) {
    const last = this.lastSampleAt.get(targetId) ?? 0
    const sample = seen.at - last >= POLL_SAMPLE_EVERY_SECONDS * 1000
    if (sample) this.lastSampleAt.set(targetId, seen.at)
    const previous = this.reports.get(targetId)
    this.reports.set(targetId, Object.assign(seen, { sample: sample || previous?.sample === true }))
    if (this.awaited.delete(targetId)) this.flushSoon ??= setTimeout(() => void this.flush(), FLUSH_SOON_MS)
  }

  /** An upload tells what stays in the target's spool: a poll not yet written carries it, or it is written now. */
  async recordSpool(targetId: number, spool: SpoolReport) {
    const pending = this.reports.get(targetId)
    if (!pending) return recordSpool(this.db, targetId, spool)
    pending.spoolDepth = spool.depth
    pending.spoolOldestAt = spool.oldestAt
  }

  /** The target's next instructions, from memory when it is known to have none or they were fetched in a batch. */
  async work(targetId: number): Promise<Work> {
    if (this.clean.has(targetId)) return { instructions: [], blockedBy: this.clean.get(targetId) ?? null }
    const prepared = this.prepared.get(targetId)
    if (prepared) {
      this.prepared.delete(targetId)
      return prepared
    }
    const generation = this.generation.get(targetId) ?? 0
    const pending = await pendingInstructions(this.db, targetId)
    return this.settle(targetId, generation, pending, new Map())
  }

  /**
   * Fetches the work of many targets at once, for their next poll: long polls about to wake, or targets that have
   * just acknowledged (most then have nothing left, and their next poll is answered from memory).
   */
  async prepare(targetIds: number[]) {
    const generations = new Map(targetIds.map((id) => [id, this.generation.get(id) ?? 0]))
    const pending = await pendingInstructionsOf(this.db, targetIds)
    const jobs = new Map<number, Awaited<ReturnType<typeof jobPayload>>>()
    for (const [targetId, download] of pending) {
      const generation = generations.get(targetId) ?? 0
      const work = await this.settle(targetId, generation, download, jobs)
      // only if nothing changed for it meanwhile (a newer post, an acknowledgement)
      if (work.instructions.length > 0 && (this.generation.get(targetId) ?? 0) === generation)
        this.prepared.set(targetId, work)
    }
  }

  /** Turns a download into the protocol's instructions; remembers a target with nothing to do as clean. */
  private async settle(
    targetId: number,
    generation: number,
    pending: PendingDownload,
    jobs: Map<number, Awaited<ReturnType<typeof jobPayload>>>,
  ): Promise<Work> {
    if (pending.instructions.length === 0) {
      // only if nothing arrived for it meanwhile
      if ((this.generation.get(targetId) ?? 0) === generation) this.clean.set(targetId, pending.blockedBy)
      return { instructions: [], blockedBy: pending.blockedBy }
    }
    const instructions: Instruction[] = []
    for (const row of pending.instructions) {
      let job = null
      if ((row.operation === 'INSERT' || row.operation === 'UPDATE') && row.objectId !== null) {
        if (!jobs.has(row.objectId)) jobs.set(row.objectId, await jobPayload(this.db, row.objectId))
        job = jobs.get(row.objectId) ?? null
      }
      instructions.push({
        id: row.id,
        operation: row.operation as Instruction['operation'],
        objectType: row.objectType as Instruction['objectType'],
        objectId: row.objectId,
        objectName: row.objectName,
        value: row.value,
        job,
        masterTime: row.operation === 'SYNC-TIME' ? new Date().toISOString() : null,
      })
    }
    return { instructions, blockedBy: null }
  }

  /** The target's download list changed: look in the database at its next request (no wake-up). */
  invalidate(targetId: number) {
    this.clean.delete(targetId)
    this.prepared.delete(targetId)
    this.generation.set(targetId, (this.generation.get(targetId) ?? 0) + 1)
  }

  /** Waits until the target has something to do, or `ms` passes, or `until` fires (the agent went away). */
  waitForWork(targetId: number, ms: number, until: (stop: () => void) => void): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(targetId) ?? new Set()
      this.waiters.set(targetId, set)
      const done = () => {
        clearTimeout(timer)
        set.delete(done)
        if (set.size === 0 && this.waiters.get(targetId) === set) this.waiters.delete(targetId)
        resolve()
      }
      const timer = setTimeout(done, ms)
      set.add(done)
      until(done)
    })
  }

  private wake(targetId: number) {
    this.invalidate(targetId)
    this.release(targetId)
  }

  /** Answers the target's long polls now. */
  private release(targetId: number) {
    for (const done of [...(this.waiters.get(targetId) ?? [])]) done()
  }

  private wakeAll() {
    this.clean.clear()
    for (const id of this.waiters.keys()) this.wake(id)
  }

  /** Picks up instructions and signals written since the last look, by this or any other process. */
  private watch(): Promise<void> {
    this.watching ??= (async () => {
      try {
        const instructions = await this.db.downloadInstruction.findMany({
          where: { id: { gt: this.lastInstructionId } },
          select: { id: true, targetId: true },
          orderBy: { id: 'asc' },
        })
        const targets = new Set<number>()
        for (const row of instructions) if (row.targetId !== null) targets.add(row.targetId)
        for (const id of targets) this.invalidate(id)
        // one query for all the long polls about to wake, instead of one each as they answer
        const waiting = [...targets].filter((id) => this.waiters.has(id))
        if (waiting.length > 1)
          await this.prepare(waiting).catch((error) =>
            this.log.warn({ err: error }, 'could not fetch the instructions of woken targets'),
          )
        for (const id of targets) this.release(id)
        this.lastInstructionId = instructions.at(-1)?.id ?? this.lastInstructionId
        const signals = await this.db.agentSignal.findMany({
          where: { id: { gt: this.lastSignalId } },
          select: { id: true, targetId: true },
          orderBy: { id: 'asc' },
        })
        for (const row of signals) {
          if (row.targetId === null) this.wakeAll()
          else {
            this.forgetIdentityOf(row.targetId)
            this.awaited.add(row.targetId)
            this.wake(row.targetId)
          }
        }
        this.lastSignalId = signals.at(-1)?.id ?? this.lastSignalId
      } catch (error) {
        this.log.warn({ err: error }, 'could not check for new instructions')
      } finally {
        this.watching = null
      }
    })()
    return this.watching
  }

  private forgetIdentityOf(targetId: number) {
    for (const [fingerprint, { identity }] of this.identities)
      if (identity.kind === 'target' && identity.target.id === targetId) this.identities.delete(fingerprint)
  }

  private async flush() {
    if (this.flushSoon) clearTimeout(this.flushSoon)
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

  /** PostgreSQL: NOTIFY from any master process wakes this gateway at once. */
  private async listen() {
    this.listener = await listenTo(this.databaseUrl, AGENT_SIGNAL_CHANNEL, () => void this.watch(), this.log)
  }
}
