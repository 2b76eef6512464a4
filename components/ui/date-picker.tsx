'use client'

import { startOfDay } from 'date-fns'
import { CalendarIcon } from 'lucide-react'
import { useId, useState } from 'react'
import { useFormatDate } from '@/components/format/date-locale'
import { Button } from '@/components/ui/button'
import { Calendar } from '@/components/ui/calendar'
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover'
import { isOutside } from '@/lib/format/calendar'
import { cn } from '@/lib/utils'

/**
 * A day, shown as every date of the dashboard is ("1 Dec 2026", "Dec 1, 2026", "1. Dez. 2026"), chosen from a
 * calendar. Its accessible name is the label, then the day (or the placeholder) it shows.
 */
export function DatePicker({
  label,
  showLabel = false,
  placeholder,
  value,
  onChange,
  min,
  max,
  className,
}: {
  label: string
  showLabel?: boolean
  placeholder: string
  value: Date | null
  onChange: (day: Date | null) => void
  min?: Date | null
  max?: Date | null
  className?: string
}) {
  const [open, setOpen] = useState(false)
  const formatDate = useFormatDate()
  const labelId = useId()
  const valueId = useId()
  const choose = (day: Date | null) => {
    onChange(day)
    setOpen(false)
  }
  const today = startOfDay(new Date())
  // the visible text stays part of the name (WCAG 2.5.3): a placeholder the label already says is not repeated
  const placeholderSaid = label.toLowerCase().includes(placeholder.toLowerCase())
  const labelledBy = value || !placeholderSaid ? `${labelId} ${valueId}` : labelId

  return (
    <div className="flex items-center gap-1.5">
      <span id={labelId} className={showLabel ? 'text-sm text-muted-foreground' : 'sr-only'}>
        {label}
      </span>
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button
            variant="outline"
            aria-labelledby={labelledBy}
            className={cn('justify-start font-normal', !value && 'text-muted-foreground', className)}
          >
            <CalendarIcon aria-hidden />
            <span id={valueId} className="tabular-nums">
              {value ? formatDate('day', value) : placeholder}
            </span>
          </Button>
        </PopoverTrigger>
        <PopoverContent
          aria-label={`${label}: choose a day`}
          // on the chosen day, or today; from here rather than the calendar's own mount, which runs before the
          // popover's focus scope does and so, inside a dialog, would have the dialog take the focus back
          onOpenAutoFocus={(event) => {
            event.preventDefault()
            ;(event.currentTarget as HTMLElement | null)
              ?.querySelector<HTMLButtonElement>('button[data-day][tabindex="0"]')
              ?.focus()
          }}
        >
          <Calendar selected={value} onSelect={choose} min={min} max={max} />
          <div className="mt-2 flex justify-between border-t pt-2">
            <Button variant="ghost" size="sm" disabled={isOutside(today, { min, max })} onClick={() => choose(today)}>
              Today
            </Button>
            <Button variant="ghost" size="sm" disabled={!value} onClick={() => choose(null)}>
              Clear
            </Button>
          </div>
        </PopoverContent>
      </Popover>
    </div>
  )
}
