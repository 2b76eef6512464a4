// The master's missed-run worker: every half minute it checks the schedules' passed due times against the targets
// that hold each job (lib/msx/missed-runs), and moves on the Jobs list's stored next runs that have passed. Every
// process with the api role runs one; a missed run is recorded once whichever process finds it first.
import type { Db } from '../lib/db/client'
import type { Log } from '../lib/log'
import { refreshNextRuns } from '../lib/msx/job-summaries'
import { checkMissedRuns } from '../lib/msx/missed-runs'
import { every, type Worker } from './every'

const EVERY_MS = 30_000

export type MissedRunChecker = Worker

export function startMissedRunChecker(db: Db, log: Log): MissedRunChecker {
  return every(EVERY_MS, async () => {
    await checkMissedRuns(db).then(
      ({ recorded }) => {
        if (recorded > 0) log.info(`missed runs: recorded ${recorded}`)
      },
      (err: unknown) => log.error({ err }, 'missed runs: could not check the schedules'),
    )
    await refreshNextRuns(db).catch((err: unknown) => log.error({ err }, 'jobs: could not work out their next runs'))
  })
}
