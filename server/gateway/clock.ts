// Time as the gateway's stateful parts see it: the system's, or in their tests a fake one moved on by hand.
export type Timer = object

export interface Clock {
  now(): number
  /** `run` may return a promise: a fake clock waits for it before it moves on, the system's ignores it */
  after(ms: number, run: () => unknown): Timer
  every(ms: number, run: () => unknown): Timer
  cancel(timer: Timer): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after: (ms, run) => setTimeout(run, ms),
  every: (ms, run) => setInterval(run, ms),
  // clearTimeout clears an interval too
  cancel: (timer) => clearTimeout(timer as NodeJS.Timeout),
}
