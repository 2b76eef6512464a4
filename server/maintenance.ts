// Housekeeping of the master process: the activity log's and the job history's retention, at start and then every
// hour; the change notices every few minutes.
import type { Db } from '../lib/db/client'
import type { Log } from '../lib/log'
import { pruneAuditEvents } from '../lib/msx/audit-retention'
import { pruneChangeNotices } from '../lib/msx/changes'
import { pruneJobHistory } from '../lib/msx/job-history-retention'

const HOUR_MS = 60 * 60 * 1000
const NOTICES_EVERY_MS = 5 * 60 * 1000

export interface Maintenance {
  /** Stops the timer and waits for a prune under way. */
  stop(): Promise<void>
}

export interface MaintenanceOptions {
  log: Log
  auditRetentionDays: number
  jobHistoryDays: number
}

export function startMaintenance(db: Db, options: MaintenanceOptions): Maintenance {
  const { log, auditRetentionDays, jobHistoryDays } = options
  let running: Promise<void> | undefined
  let stopped = false

  // one prune at a time: an hour's tick while the last one still runs is skipped
  const prune = () => {
    if (stopped || running) return
    const audit = pruneAuditEvents(db, auditRetentionDays, new Date()).then(
      (deleted) => {
        if (deleted > 0) log.info(`activity log: deleted ${deleted} entries older than ${auditRetentionDays} days`)
      },
      (err: unknown) => log.error({ err }, 'activity log: could not delete old entries'),
    )
    const history = audit
      .then(() => pruneJobHistory(db, jobHistoryDays, new Date()))
      .then(
        ({ history, notifications, missed }) => {
          if (history + notifications + missed > 0)
            log.info(
              `job history: deleted ${history} rows, ${notifications} notifications and ${missed} missed runs older than ${jobHistoryDays} days`,
            )
        },
        (err: unknown) => log.error({ err }, 'job history: could not delete old rows'),
      )
    running = history.finally(() => {
      running = undefined
    })
  }

  prune()
  const timer = setInterval(prune, HOUR_MS)
  timer.unref()
  const notices = setInterval(() => {
    pruneChangeNotices(db).catch((err: unknown) => log.warn({ err }, 'could not delete old change notices'))
  }, NOTICES_EVERY_MS)
  notices.unref()

  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      clearInterval(notices)
      await running
    },
  }
}
