'use client'

import { endOfDay, format, parseISO, startOfDay } from 'date-fns'
import { useSyncExternalStore } from 'react'
import { Input } from '@/components/ui/input'

// The browser's time zone decides which instants a day covers; the server renders no day, so both agree.
const subscribeNever = () => () => {}
function useInBrowser() {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  )
}

const localDay = (iso: string | undefined) => (iso ? format(new Date(iso), 'yyyy-MM-dd') : '')

/** A finished day from a date input: not the "0002-…" of a year still being typed. */
const isWholeDay = (value: string) => /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)

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
  const inBrowser = useInBrowser()
  const fromDay = inBrowser ? localDay(from) : ''
  const toDay = inBrowser ? localDay(to) : ''

  const change = (bound: 'from' | 'to', value: string) => {
    if (value === '') onChange({ [bound]: null })
    else if (isWholeDay(value)) {
      const day = parseISO(value)
      onChange({ [bound]: (bound === 'from' ? startOfDay(day) : endOfDay(day)).toISOString() })
    }
  }

  return (
    <fieldset className="flex items-center gap-1.5">
      <legend className="sr-only">Date range</legend>
      <Input
        type="date"
        aria-label="From date"
        value={fromDay}
        max={toDay || undefined}
        onChange={(event) => change('from', event.target.value)}
        className="w-40"
      />
      <span className="text-sm text-muted-foreground" aria-hidden>
        –
      </span>
      <Input
        type="date"
        aria-label="To date"
        value={toDay}
        min={fromDay || undefined}
        onChange={(event) => change('to', event.target.value)}
        className="w-40"
      />
    </fieldset>
  )
}
