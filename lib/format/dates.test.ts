// The dashboard's dates, one way in each locale.
import { describe, expect, it } from 'vitest'
import { formatDate, relativeTime, targetWallClock } from './dates'

// noon UTC: the same day in every time zone the tests may run in
const DEC_1 = new Date('2026-12-01T12:00:00Z')

describe('formatDate', () => {
  it('writes a day as the locale does', () => {
    expect(formatDate('en-GB', 'day', DEC_1)).toBe('1 Dec 2026')
    expect(formatDate('en-US', 'day', DEC_1)).toBe('Dec 1, 2026')
    expect(formatDate('de-DE', 'day', DEC_1)).toBe('1. Dez. 2026')
  })
  it('begins a date and time with the same day', () => {
    for (const locale of ['en-GB', 'en-US', 'de-DE'])
      expect(formatDate(locale, 'dateTime', DEC_1)).toContain(formatDate(locale, 'day', DEC_1))
  })
})

describe('targetWallClock', () => {
  it("reads the target's clock in its own time zone, in the locale's words", () => {
    const wall = targetWallClock('de-DE', '2026-12-01T12:00:00Z', 90)
    expect(wall.short).toBe('Di., 13:30')
    expect(wall.full).toMatch(/^Dienstag, 1\. Dezember 2026\b.*13:30:00 \(UTC\+1:30\)$/)
  })
})

describe('relativeTime', () => {
  it('says how long ago, or how long until', () => {
    const now = DEC_1.getTime()
    expect(relativeTime(new Date(now - 2_000), now)).toBe('just now')
    expect(relativeTime(new Date(now - 3 * 60_000), now)).toBe('3 min ago')
    expect(relativeTime(new Date(now + 2 * 3_600_000), now)).toBe('in 2 h')
  })
})
