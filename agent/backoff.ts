/**
 * Exponential backoff with full jitter: after each failure wait a random time up to a doubling ceiling, so a
 * restarted master is not met by every agent at the same second.
 */
/** the longest wait between two tries, however long the master has been away */
export const BACKOFF_CAP_MS = 60_000

export class Backoff {
  private failures = 0

  constructor(
    private readonly baseMs = 1000,
    private readonly capMs = BACKOFF_CAP_MS,
    private readonly random = Math.random,
  ) {}

  nextDelayMs(): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** this.failures)
    this.failures += 1
    return Math.round(this.random() * ceiling)
  }

  reset() {
    this.failures = 0
  }

  get failing() {
    return this.failures > 0
  }
}

/** Waits, unless the signal ends the wait first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
