// Cron expressions of job schedules, read the same way where they are validated (the master) and where they fire
// (the target): five fields (minute hour day-of-month month day-of-week), or six with seconds first.
import { Cron } from 'croner'
import cronstrue from 'cronstrue'

export const CRON_HELP =
  'five fields: minute hour day-of-month month day-of-week, e.g. "0 2 * * *"; or six with seconds first'

/** A paused cron pattern, to ask for its next time; throws when the expression is not valid. */
export function parseCron(pattern: string): Cron {
  return new Cron(pattern, { paused: true, mode: '5-or-6-parts' })
}

const parsed = new Map<string, Cron>()
const PARSED_KEPT = 10_000

/** The same as parseCron, kept: a list asks a thousand jobs for their next run, most with the same few patterns. */
export function parsedCron(pattern: string): Cron {
  let cron = parsed.get(pattern)
  if (!cron) {
    cron = parseCron(pattern)
    if (parsed.size >= PARSED_KEPT) parsed.clear()
    parsed.set(pattern, cron)
  }
  return cron
}

export function isValidCron(pattern: string): boolean {
  try {
    parseCron(pattern)
    return true
  } catch {
    return false
  }
}

/** A cron expression as a sentence: "At 02:30, Monday through Friday". */
export function describeCron(pattern: string): string {
  try {
    return cronstrue.toString(pattern, { use24HourTimeFormat: true, throwExceptionOnParseError: true })
  } catch {
    return pattern
  }
}

/** The next `count` times a cron expression fires after `from`, by this process's clock and time zone. */
export function nextCronRuns(pattern: string, count: number, from = new Date()): Date[] {
  return parseCron(pattern).nextRuns(count, from)
}

/** Where a schedule is read: an IANA time zone (the master's), or a fixed offset east of UTC (a target's). */
export type CronZone = { timeZone: string } | { utcOffsetMinutes: number }

/** A cron expression read on a clock in `zone`; throws when the expression is not valid. */
export function parseCronIn(pattern: string, zone: CronZone): Cron {
  const where = 'timeZone' in zone ? { timezone: zone.timeZone } : { utcOffset: zone.utcOffsetMinutes }
  return new Cron(pattern, { paused: true, mode: '5-or-6-parts', ...where })
}

/** The next `count` times a cron expression fires after `from` on a clock in `zone`. */
export function nextCronRunsIn(pattern: string, count: number, from: Date, zone: CronZone): Date[] {
  return parseCronIn(pattern, zone).nextRuns(count, from)
}
