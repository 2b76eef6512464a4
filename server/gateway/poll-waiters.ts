// The long polls held open, per target: each answers when its target has work, when its time is up, or when the
// agent goes away, whichever comes first; none outlives its answer.
import { type Clock, systemClock } from './clock'

export class PollWaiters {
  private readonly waiting = new Map<number, Set<() => void>>()

  constructor(private readonly clock: Clock = systemClock) {}

  /** Waits until `release`, or `ms` passes, or `until` fires (the agent went away). */
  wait(targetId: number, ms: number, until: (stop: () => void) => void): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiting.get(targetId) ?? new Set()
      this.waiting.set(targetId, set)
      const done = () => {
        this.clock.cancel(timer)
        set.delete(done)
        if (set.size === 0 && this.waiting.get(targetId) === set) this.waiting.delete(targetId)
        resolve()
      }
      const timer = this.clock.after(ms, done)
      set.add(done)
      until(done)
    })
  }

  has(targetId: number): boolean {
    return this.waiting.has(targetId)
  }

  /** The targets with a long poll open. */
  targets(): number[] {
    return [...this.waiting.keys()]
  }

  /** How many long polls are open, over all targets. */
  count(): number {
    let open = 0
    for (const set of this.waiting.values()) open += set.size
    return open
  }

  /** Answers the target's long polls now. */
  release(targetId: number) {
    for (const done of [...(this.waiting.get(targetId) ?? [])]) done()
  }

  releaseAll() {
    for (const done of [...this.waiting.values()].flatMap((set) => [...set])) done()
  }
}
