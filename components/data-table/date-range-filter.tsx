'use client'

import { endOfDay, startOfDay } from 'date-fns'
import { useHydrated } from '@/components/format/use-now'
import { DatePicker } from '@/components/ui/date-picker'

/** The day of the browser's calendar an instant of the URL falls on. */
const localDay = (iso: string | undefined) => (iso ? startOfDay(new Date(iso)) : null)

/** From and to as days of the browser's calendar, sent as the instants that begin and end them. */
export function DateRangeFilter({
  from,
  to,
  onChange,
}: {
  from?: string
  to?: string
  onChange: (changes: { from?: string | null; to?: string | null }) => void
}) {
  // the browser's time zone decides which day an instant falls on; the server renders no day, so both agree
  const hydrated = useHydrated()
  const fromDay = hydrated ? localDay(from) : null
  const toDay = hydrated ? localDay(to) : null

  return (
    <fieldset className="flex items-center gap-1.5">
      <legend className="sr-only">Date range</legend>
      <DatePicker
        label="From date"
        placeholder="From"
        value={fromDay}
        max={toDay}
        onChange={(day) => onChange({ from: day && startOfDay(day).toISOString() })}
        className="w-40"
      />
      <span className="text-sm text-muted-foreground" aria-hidden>
        –
      </span>
      <DatePicker
        label="To date"
        placeholder="To"
        value={toDay}
        min={fromDay}
        onChange={(day) => onChange({ to: day && endOfDay(day).toISOString() })}
        className="w-40"
      />
    </fieldset>
  )
}
