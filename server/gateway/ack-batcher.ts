// Acknowledgements arrive together after a fleet-wide post (a thousand targets within a second). One transaction
// each cost ~5 ms on this hardware, mostly in per-statement overhead: the gateway gathers those that arrive while a
// batch is being written and writes them in the next, each step one statement for the whole batch
// (lib/msx/acknowledgements.ts); then it looks up what is left for those targets in two queries, so their next
// polls are answered from memory.
import type { Db } from '../../lib/db/client'
import type { Log } from '../../lib/log'
import { type Acknowledgement, acknowledgeInstructions, acknowledgeMany } from '../../lib/msx/acknowledgements'
import type { PollHub } from './poll-hub'

/**
 * As many as one statement of each step takes (lib/msx/acknowledgements.ts binds up to 900 ids): ten thousand
 * targets acknowledging at once are a dozen transactions of tens of milliseconds, not a hundred queued ones.
 */
const MAX_TARGETS_PER_BATCH = 900

interface Waiting {
  targetId: number
  acks: Acknowledgement[]
  resolve(result: { enlisted: boolean }): void
  reject(error: unknown): void
}

export class AckBatcher {
  private queue: Waiting[] = []
  private writing = false

  constructor(
    private readonly db: Db,
    private readonly hub: PollHub,
    private readonly log: Log,
  ) {}

  acknowledge(targetId: number, acks: Acknowledgement[]): Promise<{ enlisted: boolean }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ targetId, acks, resolve, reject })
      if (!this.writing) void this.write()
    })
  }

  private async write() {
    this.writing = true
    try {
      // acknowledgements read from the network in the same turn join the first one
      await new Promise((resolve) => setImmediate(resolve))
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_TARGETS_PER_BATCH)
        // whatever goes wrong, every acknowledgement of the batch gets an answer
        await this.writeBatch(batch).catch((error: unknown) => {
          for (const waiting of batch) waiting.reject(error)
        })
      }
    } finally {
      this.writing = false
    }
  }

  private async writeBatch(batch: Waiting[]) {
    let results: ({ enlisted: boolean } | Error)[]
    try {
      results = await acknowledgeMany(this.db, batch)
    } catch {
      // one target's failure must not fail the others': each again on its own
      results = []
      for (const waiting of batch)
        results.push(await acknowledgeInstructions(this.db, waiting.targetId, waiting.acks).catch((e: Error) => e))
    }
    const enlisted: number[] = []
    for (const [i, waiting] of batch.entries()) {
      const result = results[i]
      if (result instanceof Error || result === undefined) continue
      if (result.enlisted) {
        this.hub.invalidate(waiting.targetId)
        enlisted.push(waiting.targetId)
      } else this.hub.forget(waiting.targetId)
    }
    await this.hub
      .prepare(enlisted)
      .catch((error) => this.log.warn({ err: error }, 'could not look up the work of targets that acknowledged'))
    for (const [i, waiting] of batch.entries()) {
      const result = results[i]
      if (result instanceof Error || result === undefined) waiting.reject(result ?? new Error('not acknowledged'))
      else waiting.resolve(result)
    }
  }
}
