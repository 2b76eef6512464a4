// What the gateway keeps in memory so that an empty poll costs no database round trip, wired from its parts: who
// each client certificate belongs to (identity-cache), which targets have nothing to download (work-cache), the
// long polls waiting (poll-waiters), the last-poll data written in batches (poll-recorder), and the watch of new
// instructions and signals that invalidates the rest (change-feed). The database stays the source of truth.
import type { Db } from '../../lib/db/client'
import type { Log } from '../../lib/log'
import type { AgentIdentity } from '../../lib/msx/agents'
import type { SpoolReport } from '../../lib/msx/polls'
import { ChangeFeed } from './change-feed'
import { type Clock, systemClock } from './clock'
import { IdentityCache } from './identity-cache'
import { PollRecorder, type PollSeen } from './poll-recorder'
import { PollWaiters } from './poll-waiters'
import { type Work, WorkCache } from './work-cache'

export type { PollSeen } from './poll-recorder'
export type { Work } from './work-cache'

export class PollHub {
  private readonly identities: IdentityCache
  private readonly cache: WorkCache
  private readonly waiters: PollWaiters
  private readonly polls: PollRecorder
  private readonly feed: ChangeFeed

  constructor(
    db: Db,
    private readonly log: Log,
    databaseUrl: string,
    clock: Clock = systemClock,
  ) {
    this.identities = new IdentityCache(db, clock)
    this.cache = new WorkCache(db, clock)
    this.waiters = new PollWaiters(clock)
    this.polls = new PollRecorder(db, log, clock)
    this.feed = new ChangeFeed(
      db,
      log,
      databaseUrl,
      { posted: (targetIds) => this.posted(targetIds), signalled: (targetId) => this.signalled(targetId) },
      clock,
    )
  }

  async start() {
    await this.feed.start()
    this.polls.start()
  }

  async stop() {
    this.polls.stop()
    await this.feed.stop()
    this.waiters.releaseAll()
    await this.feed.idle()
    await this.polls.flush()
  }

  /** Who holds this certificate, when it is known in memory (no promise on the hot path). */
  knownIdentity(fingerprint: string): AgentIdentity | undefined {
    return this.identities.known(fingerprint)
  }

  identify(fingerprint: string): Promise<AgentIdentity> {
    return this.identities.identify(fingerprint)
  }

  /** Forgets what is cached for a target (it defected, or its certificate changed). */
  forget(targetId: number) {
    this.identities.forgetTarget(targetId)
    this.polls.forget(targetId)
    this.cache.invalidate(targetId)
  }

  recordPoll(targetId: number, seen: PollSeen) {
    this.polls.record(targetId, seen)
  }

  recordSpool(targetId: number, spool: SpoolReport) {
    return this.polls.recordSpool(targetId, spool)
  }

  /** The target's next instructions, from memory when it is known to have none or they were fetched in a batch. */
  work(targetId: number): Promise<Work> {
    return this.cache.work(targetId)
  }

  /** Fetches the work of many targets at once, for their next poll. */
  prepare(targetIds: number[]) {
    return this.cache.prepare(targetIds)
  }

  /** The target's download list changed: look in the database at its next request (no wake-up). */
  invalidate(targetId: number) {
    this.cache.invalidate(targetId)
  }

  /** Waits until the target has something to do, or `ms` passes, or `until` fires (the agent went away). */
  waitForWork(targetId: number, ms: number, until: (stop: () => void) => void): Promise<void> {
    return this.waiters.wait(targetId, ms, until)
  }

  private async posted(targetIds: number[]) {
    for (const id of targetIds) this.cache.invalidate(id)
    // one query for all the long polls about to wake, instead of one each as they answer
    const waiting = targetIds.filter((id) => this.waiters.has(id))
    if (waiting.length > 1)
      await this.cache
        .prepare(waiting)
        .catch((error) => this.log.warn({ err: error }, 'could not fetch the instructions of woken targets'))
    for (const id of targetIds) this.waiters.release(id)
  }

  private signalled(targetId: number | null) {
    if (targetId === null) {
      this.cache.forgetClean()
      for (const id of this.waiters.targets()) this.wake(id)
      return
    }
    this.identities.forgetTarget(targetId)
    this.polls.awaitPoll(targetId)
    this.wake(targetId)
  }

  private wake(targetId: number) {
    this.cache.invalidate(targetId)
    this.waiters.release(targetId)
  }
}
