'use client'

import { startOfDay } from 'date-fns'
import { useHydrated } from '@/components/format/use-now'
import { DatePicker } from '@/components/ui/date-picker'

/** "Posted after": a day of the browser's calendar, sent as the instant it begins. */
export function PostedAfterFilter({
  value,
  onChange,
}: {
  value: string | undefined
  onChange: (postedAfter: string | null) => void
}) {
  // the browser's time zone decides when a day begins; the server renders no day, so both agree
  const hydrated = useHydrated()
  const day = hydrated && value ? startOfDay(new Date(value)) : null
  return (
    <DatePicker
      label="Posted after"
      showLabel
      placeholder="Any day"
      value={day}
      onChange={(next) => onChange(next && startOfDay(next).toISOString())}
      className="w-40"
    />
  )
}
