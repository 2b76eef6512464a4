// The month a calendar shows, as the locale lays it out: weeks from the locale's first day of the week.

import {
  addDays,
  addMonths,
  addYears,
  endOfWeek,
  format,
  isAfter,
  isBefore,
  startOfDay,
  startOfMonth,
  startOfWeek,
} from 'date-fns'

type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6
type WeekInfo = { firstDay: number }
// getWeekInfo() is the standard's name; older engines shipped it as the weekInfo property
type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo }

/** The first day of the locale's week, as date-fns counts it (0 Sunday … 6 Saturday); Monday if unknown. */
export function weekStartsOn(locale: string): Weekday {
  const info = new Intl.Locale(locale) as LocaleWithWeekInfo
  const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1
  return (firstDay % 7) as Weekday
}

/** Six whole weeks from the one the month begins in: the same height for every month. */
export function monthWeeks(month: Date, firstDay: Weekday): Date[][] {
  const start = startOfWeek(startOfMonth(month), { weekStartsOn: firstDay })
  return Array.from({ length: 6 }, (_, week) => Array.from({ length: 7 }, (_, day) => addDays(start, week * 7 + day)))
}

/** A day of the browser's calendar as yyyy-MM-dd, to find it again. */
export const dayKey = (day: Date) => format(day, 'yyyy-MM-dd')

export function isOutside(day: Date, bounds: { min?: Date | null; max?: Date | null }) {
  return Boolean((bounds.min && isBefore(day, startOfDay(bounds.min))) || (bounds.max && isAfter(day, bounds.max)))
}

/** Where a key moves the focus in a calendar, as the ARIA date picker pattern has it; null for other keys. */
export function dayAfterKey(day: Date, key: string, shift: boolean, firstDay: Weekday): Date | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1)
    case 'ArrowRight':
      return addDays(day, 1)
    case 'ArrowUp':
      return addDays(day, -7)
    case 'ArrowDown':
      return addDays(day, 7)
    case 'Home':
      return startOfWeek(day, { weekStartsOn: firstDay })
    case 'End':
      return startOfDay(endOfWeek(day, { weekStartsOn: firstDay }))
    case 'PageUp':
      return shift ? addYears(day, -1) : addMonths(day, -1)
    case 'PageDown':
      return shift ? addYears(day, 1) : addMonths(day, 1)
    default:
      return null
  }
}
