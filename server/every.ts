// A worker of the master that runs a round every so often: one round at a time (a tick while the last one is still
// under way is skipped), a first round at once, and a stop that waits for the round under way.

export interface Worker {
  /** Stops the timer and waits for a round under way. */
  stop(): Promise<void>
}

/** `round(stopping)` every `everyMs`; `stopping()` tells a long round to end early. */
export function every(everyMs: number, round: (stopping: () => boolean) => Promise<void>): Worker {
  let running: Promise<void> | undefined
  let stopped = false
  const tick = () => {
    if (stopped || running) return
    running = round(() => stopped).finally(() => {
      running = undefined
    })
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  tick()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
