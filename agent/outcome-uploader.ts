// Uploads spooled outcomes to the master in batches, oldest first, deleting each batch from the spool only once
// the master has answered for it. A batch whose answer was lost is sent again: the master keeps each outcome
// once by its idempotency key. While the master cannot be reached it backs off with jitter. Every upload also
// says which runs are in progress and on which step, and a run's start or a step's start is uploaded at once,
// so the master's Running now shows a run before its first step ends.

import type { Log } from '../lib/log'
import { MAX_OUTCOMES_PER_UPLOAD, MAX_RUNS_IN_PROGRESS, outcomesResponse } from '../lib/protocol/agent-v1'
import { Backoff } from './backoff'
import type { MasterClient } from './master-client'
import type { Spool } from './spool'

/** Kept under the gateway's body limit (256 KiB) with room for JSON escaping. */
const MAX_BATCH_BYTES = 160 * 1024
/** Looks at the spool this often even when nothing woke it. */
const IDLE_CHECK_MS = 30_000

export class OutcomeUploader {
  private readonly backoff = new Backoff()
  private readonly stopped = new AbortController()
  private wake: ((why: 'recorded' | 'reachable') => void) | null = null
  private woken = false
  /** a run started or entered a step since the runs in progress were last reported */
  private progressUnreported = true

  constructor(
    private readonly spool: Spool,
    private readonly client: MasterClient,
    private readonly log: Log,
  ) {}

  /** A new outcome is in the spool: upload it now, unless waiting out a failure. */
  outcomeRecorded() {
    if (this.backoff.failing) return
    this.woken = true
    this.wake?.('recorded')
  }

  /** A run started or entered a step: report the runs in progress now, unless waiting out a failure. */
  progressChanged() {
    this.progressUnreported = true
    this.outcomeRecorded()
  }

  /** The master answered a poll: a failed upload need not wait out its backoff. */
  masterReachable() {
    if (!this.backoff.failing) return
    this.woken = true
    this.wake?.('reachable')
  }

  async run(signal: AbortSignal) {
    const stop = AbortSignal.any([signal, this.stopped.signal])
    while (!stop.aborted) {
      try {
        const sent = await this.uploadBatch(stop)
        if (this.backoff.failing) this.log.info('outcomes reach the master again')
        this.backoff.reset()
        if (sent === 0) await this.idle(IDLE_CHECK_MS, stop)
      } catch (error) {
        if (stop.aborted) break
        const delay = this.backoff.nextDelayMs()
        const { count } = this.spool.depth()
        const what = count > 0 ? `${count} outcome(s) stay spooled` : 'the runs in progress are not reported yet'
        this.log.warn(`${what}: ${(error as Error).message} Retrying in ${(delay / 1000).toFixed(1)} s.`)
        await this.idle(delay, stop)
      }
    }
  }

  stop() {
    this.stopped.abort()
  }

  /** Uploads all that is spooled, within a time limit (at shutdown); what is left stays for the next start. */
  async flush(timeoutMs: number): Promise<boolean> {
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      while ((await this.uploadBatch(signal)) > 0);
      return true
    } catch {
      return false
    }
  }

  private async uploadBatch(signal: AbortSignal): Promise<number> {
    // taken before the batch, so the master, which applies it before the batch's outcomes, never sees a run
    // in progress again after its job outcome
    const running = this.spool.progress().slice(0, MAX_RUNS_IN_PROGRESS)
    const batch = this.spool.nextBatch(MAX_OUTCOMES_PER_UPLOAD, MAX_BATCH_BYTES)
    if (batch.seqs.length === 0 && !this.progressUnreported) return 0
    this.progressUnreported = false
    // the master shows the spool on the dashboard: tell it what stays, not only at the next poll
    const left = this.spool.depthAfter(batch.seqs.at(-1) ?? 0)
    const spool = { depth: left.count, oldestAt: left.oldestAt }
    try {
      await this.client.post('/outcomes', { outcomes: batch.outcomes, spool, running }, outcomesResponse, { signal })
    } catch (error) {
      this.progressUnreported = true
      throw error
    }
    this.spool.delivered(batch.seqs)
    return batch.seqs.length
  }

  private idle(ms: number, signal: AbortSignal): Promise<void> {
    if (this.woken) {
      this.woken = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        this.wake = null
        this.woken = false
        resolve()
      }
      const timer = setTimeout(done, ms)
      signal.addEventListener('abort', done, { once: true })
      this.wake = done
    })
  }
}
