// The master's missed-run worker: every half minute it checks the schedules' passed due times against the targets
// that hold each job (lib/msx/missed-runs). Every process with the api role runs one; a missed run is recorded once
// whichever process finds it first.
import type { Db } from '../lib/db/client'
import type { Log } from '../lib/log'
import { checkMissedRuns } from '../lib/msx/missed-runs'

const EVERY_MS = 30_000

export interface MissedRunChecker {
  /** Stops the timer and waits for a check under way. */
  stop(): Promise<void>
}

export function startMissedRunChecker(db: Db, log: Log): MissedRunChecker {
  let running: Promise<void> | undefined
  let stopped = false

  // one check at a time: a tick while a long one still runs is skipped
  const tick = () => {
    if (stopped || running) return
    running = checkMissedRuns(db)
      .then(
        ({ recorded }) => {
          if (recorded > 0) log.info(`missed runs: recorded ${recorded}`)
        },
        (err: unknown) => log.error({ err }, 'missed runs: could not check the schedules'),
      )
      .finally(() => {
        running = undefined
      })
  }

  const timer = setInterval(tick, EVERY_MS)
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
