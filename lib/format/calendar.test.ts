// A calendar's month, laid out from the locale's first day of the week.
import { describe, expect, it } from 'vitest'
import { dayAfterKey, dayKey, monthWeeks, weekStartsOn } from './calendar'

describe('weekStartsOn', () => {
  it("is the locale's first day of the week", () => {
    expect(weekStartsOn('en-US')).toBe(0)
    expect(weekStartsOn('de-DE')).toBe(1)
  })
})

describe('monthWeeks', () => {
  it('shows six whole weeks from the one the month begins in', () => {
    const weeks = monthWeeks(new Date(2026, 11, 15), 1)
    expect(weeks).toHaveLength(6)
    expect(weeks.every((week) => week.length === 7)).toBe(true)
    expect(dayKey(weeks[0]?.[0] as Date)).toBe('2026-11-30') // the Monday before Tuesday 1 December
    expect(dayKey(weeks[5]?.[6] as Date)).toBe('2027-01-10')
  })
})

describe('dayAfterKey', () => {
  const day = new Date(2026, 11, 1) // a Tuesday
  it('moves by days, weeks, months and years', () => {
    expect(dayKey(dayAfterKey(day, 'ArrowLeft', false, 1) as Date)).toBe('2026-11-30')
    expect(dayKey(dayAfterKey(day, 'ArrowDown', false, 1) as Date)).toBe('2026-12-08')
    expect(dayKey(dayAfterKey(day, 'Home', false, 0) as Date)).toBe('2026-11-29')
    expect(dayKey(dayAfterKey(day, 'End', false, 1) as Date)).toBe('2026-12-06')
    expect(dayKey(dayAfterKey(day, 'PageUp', false, 1) as Date)).toBe('2026-11-01')
    expect(dayKey(dayAfterKey(day, 'PageDown', true, 1) as Date)).toBe('2027-12-01')
  })
  it('leaves other keys alone', () => {
    expect(dayAfterKey(day, 'Enter', false, 1)).toBeNull()
  })
})
