// The virtual targets of the benchmark, split over a few load processes: a thousand answers arriving at once are
// read by more than one core, so the post-to-download times are less the simulator's own queue.
import type { Throughput } from './report'
import { LoadWorker } from './worker-client'
import type { SwarmSpec } from './worker-protocol'

export class LoadGroup {
  private readonly workers: { worker: LoadWorker; swarm: SwarmSpec }[]

  constructor(swarms: SwarmSpec[]) {
    this.workers = swarms.map((swarm) => ({ worker: new LoadWorker(), swarm }))
  }

  /** The first process's targets: where the saturation load takes its client certificates. */
  get first() {
    const first = this.workers[0]
    if (!first) throw new Error('no load process')
    return first
  }

  private all<T>(call: (w: { worker: LoadWorker; swarm: SwarmSpec }) => Promise<T>) {
    return Promise.all(this.workers.map(call))
  }

  async enlist(timeoutMs?: number) {
    const started = performance.now()
    const results = await this.all(({ worker, swarm }) =>
      worker.call<{ enlisted: number; errors: number }>({ kind: 'enlist', swarm }, timeoutMs),
    )
    return {
      enlisted: results.reduce((sum, r) => sum + r.enlisted, 0),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      seconds: (performance.now() - started) / 1000,
    }
  }

  saturate(command: Omit<Extract<Parameters<LoadWorker['call']>[0], { kind: 'saturate' }>, 'kind' | 'dataDir'>) {
    const { worker, swarm } = this.first
    return worker.call<Throughput>({ kind: 'saturate', dataDir: swarm.dataDir, ...command })
  }

  async longPoll() {
    await this.all(({ worker, swarm }) => worker.call({ kind: 'long-poll', swarm }))
  }

  /** Every target's poll sent and quiet for a second; the load processes' memory, summed. */
  async settled(timeoutMs: number) {
    const results = await this.all(({ worker }) => worker.call<{ rssMb: number }>({ kind: 'settled', timeoutMs }))
    return { rssMb: results.reduce((sum, r) => sum + r.rssMb, 0) }
  }

  /** When each target received the SET-POLL carrying `value`. */
  async arrivals(value: string, timeoutMs: number) {
    const results = await this.all(({ worker }) =>
      worker.call<{ arrivals: number[] }>({ kind: 'arrivals', value, timeoutMs }),
    )
    return results.flatMap((r) => r.arrivals)
  }

  /** When the last target had its acknowledgement taken, after `since`; null if some never were. */
  async acknowledged(since: number, timeoutMs: number) {
    const results = await this.all(({ worker, swarm }) =>
      worker.call<{ at: number | null }>({ kind: 'acknowledged', since, count: swarm.count, timeoutMs }),
    )
    return results.some((r) => r.at === null) ? null : Math.max(...results.map((r) => r.at ?? 0))
  }

  /** One poll from every virtual target to a server that holds them (the baseline); resolves once all are sent. */
  async hold(url: string, caPem: string, timeoutMs: number) {
    const results = await this.all(({ worker, swarm }) =>
      worker.call<{ sent: number; errors: number }>({ kind: 'hold', url, caPem, dataDir: swarm.dataDir }, timeoutMs),
    )
    return { sent: results.reduce((sum, r) => sum + r.sent, 0), errors: results.reduce((sum, r) => sum + r.errors, 0) }
  }

  /** When each held poll was answered; after the `last` round the connections are closed. */
  async heldArrivals(timeoutMs: number, last: boolean) {
    const results = await this.all(({ worker, swarm }) =>
      worker.call<{ arrivals: number[] }>(
        { kind: 'held-arrivals', count: swarm.count, timeoutMs, last },
        timeoutMs + 10_000,
      ),
    )
    return results.flatMap((r) => r.arrivals)
  }

  async stopSwarms() {
    await this.all(({ worker }) => worker.call({ kind: 'stop-swarm' }))
  }

  stop() {
    for (const { worker } of this.workers) worker.stop()
  }
}
