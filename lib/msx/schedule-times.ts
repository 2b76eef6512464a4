// When a schedule fires, by the same rule where its next runs are shown (the master) and where it fires (the
// target): a recurring schedule only from its startsAt until its endsAt, and no schedule of a job whose schedules
// are paused until a time later than the run.
import { type CronZone, parseCronIn, parsedCron } from './cron'

type When = Date | string | null | undefined

export interface ScheduleTimes {
  cron: string | null
  runAt: When
  startsAt?: When
  endsAt?: When
}

const timeOf = (when: When): number | null => (when ? new Date(when).getTime() : null)

/**
 * The first time after `after` that the schedule fires, with runs before `pausedUntil` skipped (a run at the end
 * of the pause fires); null when it fires no more. Throws when the cron expression is not valid.
 */
export function nextScheduleRun(
  schedule: ScheduleTimes,
  after: Date,
  pausedUntil?: When,
  /** where the cron expression is read: this process's time zone unless given (the editor shows a target's) */
  zone?: CronZone,
): Date | null {
  const paused = timeOf(pausedUntil)
  const runAt = timeOf(schedule.runAt)
  if (runAt !== null) return runAt > after.getTime() && (paused === null || runAt >= paused) ? new Date(runAt) : null
  if (!schedule.cron) return null
  // croner answers the first time strictly after the one it is given: a run at startsAt itself fires
  let from = after.getTime()
  const startsAt = timeOf(schedule.startsAt)
  if (startsAt !== null) from = Math.max(from, startsAt - 1)
  if (paused !== null) from = Math.max(from, paused - 1)
  const next = (zone ? parseCronIn(schedule.cron, zone) : parsedCron(schedule.cron)).nextRun(new Date(from))
  const endsAt = timeOf(schedule.endsAt)
  if (!next || (endsAt !== null && next.getTime() > endsAt)) return null
  return next
}

/** The next `count` times a schedule fires after `after` (fewer when it ends), by the same rule. */
export function nextScheduleRuns(
  schedule: ScheduleTimes,
  count: number,
  after: Date,
  pausedUntil?: When,
  zone?: CronZone,
): Date[] {
  const runs: Date[] = []
  let from = after
  while (runs.length < count) {
    const next = nextScheduleRun(schedule, from, pausedUntil, zone)
    if (!next) break
    runs.push(next)
    from = next
  }
  return runs
}
