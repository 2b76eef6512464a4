// A clock that stands still until a test moves it: each timer that falls due runs in order, and what it started
// is waited for, so a test sees the effect of "two seconds later" without waiting two seconds.
import type { Clock, Timer } from '../../server/gateway/clock'

interface Pending {
  due: number
  every: number | null
  order: number
  run: () => unknown
}

export class FakeClock implements Clock {
  private at: number
  private readonly timers = new Map<Timer, Pending>()
  private scheduled = 0

  constructor(start = Date.parse('2026-12-04T09:00:00Z')) {
    this.at = start
  }

  now = () => this.at

  after = (ms: number, run: () => unknown): Timer => this.schedule(ms, null, run)

  every = (ms: number, run: () => unknown): Timer => this.schedule(ms, Math.max(1, ms), run)

  cancel = (timer: Timer) => {
    this.timers.delete(timer)
  }

  /** Timers set and not yet run (intervals count until cancelled). */
  pending(): number {
    return this.timers.size
  }

  /** Moves time on by `ms`, running the timers that fall due on the way and waiting for what each started. */
  async advance(ms: number) {
    const end = this.at + ms
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) {
      const [timer, pending] = next
      this.at = pending.due
      if (pending.every === null) this.timers.delete(timer)
      else Object.assign(pending, { due: pending.due + pending.every, order: this.scheduled++ })
      await pending.run()
    }
    this.at = end
  }

  private schedule(ms: number, every: number | null, run: () => unknown): Timer {
    const timer = {}
    this.timers.set(timer, { due: this.at + Math.max(0, ms), every, order: this.scheduled++, run })
    return timer
  }

  private nextDue(end: number): [Timer, Pending] | undefined {
    let next: [Timer, Pending] | undefined
    for (const entry of this.timers) {
      const [, pending] = entry
      if (pending.due > end) continue
      if (!next || pending.due < next[1].due || (pending.due === next[1].due && pending.order < next[1].order))
        next = entry
    }
    return next
  }
}
