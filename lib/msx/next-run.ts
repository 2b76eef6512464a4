// When a job next runs: the first time any enabled schedule of it fires, by the master's clock, after any pause.
import { nextScheduleRun, type ScheduleTimes } from './schedule-times'

export function nextRunOf(
  job: { enabled: boolean; pausedUntil?: Date | null; schedules: (ScheduleTimes & { enabled: boolean })[] },
  now: Date,
) {
  if (!job.enabled) return null
  let next: Date | null = null
  for (const schedule of job.schedules) {
    if (!schedule.enabled) continue
    let at: Date | null = null
    try {
      at = nextScheduleRun(schedule, now, job.pausedUntil)
    } catch {
      at = null // validated when saved: an expression croner no longer reads fires nowhere
    }
    if (at && (!next || at < next)) next = at
  }
  return next
}
