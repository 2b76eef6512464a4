'use client'

import { addMonths, isSameDay, isSameMonth, startOfDay, startOfMonth } from 'date-fns'
import { ChevronLeftIcon, ChevronRightIcon } from 'lucide-react'
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useDateLocale } from '@/components/format/date-locale'
import { Button } from '@/components/ui/button'
import { dayAfterKey, dayKey, isOutside, monthWeeks, weekStartsOn } from '@/lib/format/calendar'
import { formatDate } from '@/lib/format/dates'
import { cn } from '@/lib/utils'

/**
 * A month of days to choose one from, laid out and named in the browser's locale. Arrow keys, Home/End and
 * Page Up/Down move between days (Shift+Page by years); Enter or Space chooses.
 */
export function Calendar({
  selected,
  onSelect,
  min,
  max,
}: {
  selected: Date | null
  onSelect: (day: Date) => void
  min?: Date | null
  max?: Date | null
}) {
  const locale = useDateLocale()
  const firstDay = weekStartsOn(locale)
  const [focused, setFocused] = useState(() => startOfDay(selected ?? new Date()))
  const [month, setMonth] = useState(() => startOfMonth(focused))
  // the focus follows the focused day when the calendar opens and when a key moves it, not after a month button
  const focusPending = useRef(true)
  const grid = useRef<HTMLTableElement>(null)
  const captionId = useId()
  const today = startOfDay(new Date())
  const weeks = monthWeeks(month, firstDay)

  useEffect(() => {
    if (!focusPending.current) return
    focusPending.current = false
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${dayKey(focused)}"]`)?.focus()
  }, [focused])

  const focusDay = (day: Date, viaKey: boolean) => {
    setFocused(day)
    if (!isSameMonth(day, month)) setMonth(startOfMonth(day))
    focusPending.current = viaKey
  }
  const showMonth = (offset: number) => {
    const day = addMonths(focused, offset)
    setFocused(day)
    setMonth(startOfMonth(day))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, day: Date) => {
    const next = dayAfterKey(day, event.key, event.shiftKey, firstDay)
    if (!next) return
    event.preventDefault()
    focusDay(next, true)
  }

  return (
    <div className="w-[17.5rem]">
      <div className="mb-2 flex items-center justify-between">
        <Button variant="ghost" size="icon-sm" aria-label="Previous month" onClick={() => showMonth(-1)}>
          <ChevronLeftIcon aria-hidden />
        </Button>
        <div id={captionId} className="text-sm font-medium" aria-live="polite">
          {formatDate(locale, 'month', month)}
        </div>
        <Button variant="ghost" size="icon-sm" aria-label="Next month" onClick={() => showMonth(1)}>
          <ChevronRightIcon aria-hidden />
        </Button>
      </div>
      <table ref={grid} aria-labelledby={captionId} className="w-full border-collapse text-center text-sm">
        <thead>
          <tr>
            {weeks[0]?.map((day) => (
              <th key={day.getDay()} scope="col" className="pb-1 text-xs font-normal text-muted-foreground">
                <abbr title={formatDate(locale, 'weekdayLong', day)} className="no-underline">
                  {formatDate(locale, 'weekday', day)}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={dayKey(week[0] as Date)}>
              {week.map((day) => {
                const outside = isOutside(day, { min, max })
                const chosen = selected !== null && isSameDay(day, selected)
                return (
                  <td key={dayKey(day)} className="p-0.5">
                    <button
                      type="button"
                      data-day={dayKey(day)}
                      tabIndex={isSameDay(day, focused) ? 0 : -1}
                      aria-label={formatDate(locale, 'fullDay', day)}
                      aria-pressed={chosen}
                      aria-current={isSameDay(day, today) ? 'date' : undefined}
                      aria-disabled={outside || undefined}
                      onClick={() => (outside ? focusDay(day, false) : onSelect(day))}
                      onKeyDown={(event) => onKeyDown(event, day)}
                      className={cn(
                        'size-9 rounded-md tabular-nums outline-none transition-colors hover:bg-accent hover:text-accent-foreground',
                        'focus-visible:ring-[3px] focus-visible:ring-ring/50',
                        !isSameMonth(day, month) && 'text-muted-foreground',
                        isSameDay(day, today) && !chosen && 'font-semibold text-primary underline underline-offset-4',
                        chosen &&
                          'bg-primary text-primary-foreground hover:bg-primary/90 hover:text-primary-foreground',
                        outside && 'cursor-not-allowed opacity-40 hover:bg-transparent',
                      )}
                    >
                      {day.getDate()}
                    </button>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
