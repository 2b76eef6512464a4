'use client'

import { format, parseISO, startOfDay } from 'date-fns'
import { useId, useSyncExternalStore } from 'react'
import { Input } from '@/components/ui/input'

// The browser's time zone decides when a day begins; the server renders no day, so both agree.
const subscribeNever = () => () => {}
const useInBrowser = () =>
  useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  )

/** A finished day from a date input: not the "0002-…" of a year still being typed. */
const isWholeDay = (value: string) => /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)

/** "Posted after": a day of the browser's calendar, sent as the instant it begins. */
export function PostedAfterFilter({
  value,
  onChange,
}: {
  value: string | undefined
  onChange: (postedAfter: string | null) => void
}) {
  const inBrowser = useInBrowser()
  const id = useId()
  const day = inBrowser && value ? format(new Date(value), 'yyyy-MM-dd') : ''
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-sm text-muted-foreground">
        Posted after
      </label>
      <Input
        id={id}
        type="date"
        value={day}
        onChange={(event) => {
          const next = event.target.value
          if (next === '') onChange(null)
          else if (isWholeDay(next)) onChange(startOfDay(parseISO(next)).toISOString())
        }}
        className="w-40"
      />
    </div>
  )
}
