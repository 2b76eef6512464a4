import { describe, expect, it } from 'vitest'
import { describeCron, isValidCron, nextCronRunsIn } from './cron'
import { cronOf, recurrenceOf, type ScheduleRecurrence } from './schedule-builder'

describe('the schedule builder', () => {
  const cases: [ScheduleRecurrence, string, string][] = [
    [{ every: 'minutes', minutes: 15 }, '*/15 * * * *', 'Every 15 minutes'],
    [{ every: 'day', hour: 2, minute: 30 }, '30 2 * * *', 'At 02:30'],
    [{ every: 'week', days: [5, 1, 2, 3, 4], hour: 2, minute: 30 }, '30 2 * * 1-5', 'At 02:30, Monday through Friday'],
    [{ every: 'week', days: [0, 6], hour: 23, minute: 0 }, '0 23 * * 0,6', 'At 23:00, only on Sunday and Saturday'],
    [{ every: 'month', day: 1, hour: 3, minute: 5 }, '5 3 1 * *', 'At 03:05, on day 1 of the month'],
  ]

  it.each(cases)('writes %j as %s, read in words and back', (choice, cron, words) => {
    expect(cronOf(choice)).toBe(cron)
    expect(isValidCron(cron)).toBe(true)
    expect(describeCron(cron)).toBe(words)
    const back = recurrenceOf(cron)
    expect(back && cronOf(back)).toBe(cron)
  })

  it('leaves other expressions to be typed in', () => {
    expect(recurrenceOf('0 */2 * * *')).toBeNull()
    expect(recurrenceOf('0 2 1 1 *')).toBeNull()
    expect(recurrenceOf('0 0 2 * * *')).toBeNull()
    expect(recurrenceOf('not cron')).toBeNull()
    expect(recurrenceOf('0 2 * * 1-9')).toBeNull()
  })

  it('gives the next runs on the master’s time zone and on a target’s offset', () => {
    const from = new Date('2026-12-03T00:00:00Z')
    expect(nextCronRunsIn('30 2 * * *', 2, from, { timeZone: 'UTC' }).map((d) => d.toISOString())).toEqual([
      '2026-12-03T02:30:00.000Z',
      '2026-12-04T02:30:00.000Z',
    ])
    // a target at UTC+05:30 runs at 02:30 its time, 21:00 UTC the day before
    expect(nextCronRunsIn('30 2 * * *', 1, from, { utcOffsetMinutes: 330 }).map((d) => d.toISOString())).toEqual([
      '2026-12-03T21:00:00.000Z',
    ])
  })
})
