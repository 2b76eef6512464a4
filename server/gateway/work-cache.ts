// What each target has to download, from memory when it is known to have nothing (most polls) or when its work
// was fetched in a batch for it. A generation per target, bumped by every invalidation, keeps a fetch that
// overlapped a new post from marking the target clean or handing out work older than the post.
import type { Db } from '../../lib/db/client'
import { type PendingDownload, pendingInstructionsOf } from '../../lib/msx/download-list'
import type { Instruction } from '../../lib/protocol/agent-v1'
import { type Clock, systemClock } from './clock'
import { type JobPayloads, protocolInstructions } from './protocol-instructions'

export interface Work {
  instructions: Instruction[]
  blockedBy: { id: number; errorMessage: string } | null
}

interface Lookup {
  targetId: number
  generation: number
  resolve(work: Work): void
  reject(error: unknown): void
}

export class WorkCache {
  /** targets known to have nothing to download (and what blocks them, if anything) */
  private readonly clean = new Map<number, Work['blockedBy']>()
  private readonly generation = new Map<number, number>()
  /** work fetched for many targets in one query, each handed to its next poll once */
  private readonly prepared = new Map<number, Work>()
  /** targets to look up in the database, gathered over one turn of the event loop */
  private lookups: Lookup[] = []

  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The target's next instructions. */
  async work(targetId: number): Promise<Work> {
    if (this.clean.has(targetId)) return { instructions: [], blockedBy: this.clean.get(targetId) ?? null }
    const prepared = this.prepared.get(targetId)
    if (prepared) {
      this.prepared.delete(targetId)
      return prepared
    }
    return this.lookUp(targetId)
  }

  /**
   * Polls that miss the cache together (the first polls after a start, thousands of targets re-polling after a
   * fleet-wide post) share two queries instead of two each.
   */
  private lookUp(targetId: number): Promise<Work> {
    return new Promise((resolve, reject) => {
      const lookup = { targetId, generation: this.generationOf(targetId), resolve, reject }
      if (this.lookups.push(lookup) === 1) setImmediate(() => void this.lookUpGathered())
    })
  }

  private async lookUpGathered() {
    const batch = this.lookups
    this.lookups = []
    let pending: Map<number, PendingDownload>
    try {
      pending = await pendingInstructionsOf(
        this.db,
        batch.map((lookup) => lookup.targetId),
      )
    } catch (error) {
      for (const lookup of batch) lookup.reject(error)
      return
    }
    const jobs: JobPayloads = new Map()
    for (const { targetId, generation, resolve, reject } of batch)
      await this.settle(
        targetId,
        generation,
        pending.get(targetId) ?? { blockedBy: null, instructions: [] },
        jobs,
      ).then(resolve, reject)
  }

  /**
   * Fetches the work of many targets at once, for their next poll: long polls about to wake, or targets that have
   * just acknowledged (most then have nothing left, and their next poll is answered from memory).
   */
  async prepare(targetIds: number[]) {
    const generations = new Map(targetIds.map((id) => [id, this.generationOf(id)]))
    const pending = await pendingInstructionsOf(this.db, targetIds)
    const jobs: JobPayloads = new Map()
    for (const [targetId, download] of pending) {
      const generation = generations.get(targetId) ?? 0
      const work = await this.settle(targetId, generation, download, jobs)
      if (work.instructions.length > 0 && this.generationOf(targetId) === generation) this.prepared.set(targetId, work)
    }
  }

  /** The target's download list changed: look in the database at its next request. */
  invalidate(targetId: number) {
    this.clean.delete(targetId)
    this.prepared.delete(targetId)
    this.generation.set(targetId, this.generationOf(targetId) + 1)
  }

  /** Every target may have something new: look in the database at each one's next request. */
  forgetClean() {
    this.clean.clear()
  }

  private generationOf(targetId: number) {
    return this.generation.get(targetId) ?? 0
  }

  private async settle(
    targetId: number,
    generation: number,
    pending: PendingDownload,
    jobs: JobPayloads,
  ): Promise<Work> {
    if (pending.instructions.length === 0) {
      if (this.generationOf(targetId) === generation) this.clean.set(targetId, pending.blockedBy)
      return { instructions: [], blockedBy: pending.blockedBy }
    }
    return {
      instructions: await protocolInstructions(this.db, pending.instructions, jobs, this.clock),
      blockedBy: null,
    }
  }
}
