'use client'

// Pause schedules until: the day from the calendar and the time typed, in the browser's time zone, sent as a date and
// time with its offset. A time that has passed is said at once; the master refuses it too.
import { formatISO, isValid, parse, startOfDay } from 'date-fns'
import { useId } from 'react'
import { DatePicker } from '@/components/ui/date-picker'
import { Input } from '@/components/ui/input'

export interface PauseUntil {
  day: Date | null
  time: string
}

/** The chosen time as "2026-12-04T06:00:00+01:00", or why it cannot be used. */
export function pauseUntilOf(value: PauseUntil, now = new Date()): { until: string } | { problem: string } {
  if (!value.day) return { problem: 'Choose the day the schedules are paused until.' }
  const at = parse(value.time, 'HH:mm', value.day)
  if (!isValid(at)) return { problem: 'Type the time the pause ends, like 06:00.' }
  if (at <= now) return { problem: 'That time has passed: choose a later day or time.' }
  return { until: formatISO(at) }
}

export function PauseUntilFields({ value, onChange }: { value: PauseUntil; onChange: (value: PauseUntil) => void }) {
  const timeId = useId()
  const problemId = useId()
  const chosen = pauseUntilOf(value)
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-end gap-3">
        <DatePicker
          label="Paused until"
          showLabel
          placeholder="Choose a day"
          value={value.day}
          onChange={(day) => onChange({ ...value, day })}
          min={startOfDay(new Date())}
          className="w-40"
        />
        <div className="flex items-center gap-1.5">
          <label htmlFor={timeId} className="text-sm text-muted-foreground">
            Time
          </label>
          <Input
            id={timeId}
            type="time"
            className="w-28"
            value={value.time}
            aria-invalid={'problem' in chosen && value.day !== null}
            aria-describedby={problemId}
            onChange={(event) => onChange({ ...value, time: event.target.value })}
          />
        </div>
      </div>
      <p id={problemId} aria-live="polite" className="text-sm text-muted-foreground">
        {'problem' in chosen ? chosen.problem : 'Manual starts still run while the schedules are paused.'}
      </p>
    </div>
  )
}
