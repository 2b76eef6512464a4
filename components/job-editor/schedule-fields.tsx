'use client'

// One schedule: recurring (the builder's common cases, or a cron expression typed in) or one time; in words, and
// its next five runs on the master's clock and, for a chosen target time zone, in that target's local time.
import { useState } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { Input } from '@/components/ui/input'
import { CRON_HELP, describeCron, isValidCron } from '@/lib/msx/cron'
import { cronOf, recurrenceOf, type ScheduleRecurrence, WEEKDAYS } from '@/lib/msx/schedule-builder'
import { nextScheduleRuns } from '@/lib/msx/schedule-times'
import type { JobForm } from './editor-types'
import { EditorField, NativeSelect } from './form-parts'

export interface TargetZone {
  offsetMinutes: number
  targets: number
  example: string
}

type Mode = ScheduleRecurrence['every'] | 'cron'

const DEFAULTS: Record<ScheduleRecurrence['every'], ScheduleRecurrence> = {
  minutes: { every: 'minutes', minutes: 15 },
  day: { every: 'day', hour: 2, minute: 0 },
  week: { every: 'week', days: [1, 2, 3, 4, 5], hour: 2, minute: 0 },
  month: { every: 'month', day: 1, hour: 2, minute: 0 },
}

const pad = (n: number) => String(n).padStart(2, '0')

export const offsetLabel = (minutes: number) =>
  `UTC${minutes < 0 ? '−' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`

function formatIn(date: Date, zone: { timeZone: string } | { offsetMinutes: number }): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }
  if ('timeZone' in zone) return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone.timeZone }).format(date)
  return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(
    new Date(date.getTime() + zone.offsetMinutes * 60_000),
  )
}

function toLocalInput(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function Builder({ value, onChange }: { value: ScheduleRecurrence; onChange: (r: ScheduleRecurrence) => void }) {
  const time = value.every === 'minutes' ? null : `${pad(value.hour)}:${pad(value.minute)}`
  const setTime = (text: string) => {
    const [h, m] = text.split(':').map(Number)
    if (value.every !== 'minutes' && h !== undefined && m !== undefined && !Number.isNaN(h) && !Number.isNaN(m))
      onChange({ ...value, hour: h, minute: m })
  }
  return (
    <div className="flex flex-wrap items-end gap-3">
      {value.every === 'minutes' && (
        <EditorField label="Every (minutes)">
          {({ id }) => (
            <Input
              id={id}
              type="number"
              min={1}
              max={59}
              className="w-24"
              value={value.minutes}
              onChange={(e) =>
                onChange({ every: 'minutes', minutes: Math.max(1, Math.min(59, Number(e.target.value) || 1)) })
              }
            />
          )}
        </EditorField>
      )}
      {value.every === 'month' && (
        <EditorField label="On day of the month">
          {({ id }) => (
            <Input
              id={id}
              type="number"
              min={1}
              max={31}
              className="w-24"
              value={value.day}
              onChange={(e) => onChange({ ...value, day: Math.max(1, Math.min(31, Number(e.target.value) || 1)) })}
            />
          )}
        </EditorField>
      )}
      {value.every === 'week' && (
        <fieldset className="grid gap-1.5">
          <legend className="text-sm font-medium">On</legend>
          <div className="flex flex-wrap gap-2">
            {WEEKDAYS.map((day, i) => (
              <label key={day} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={value.days.includes(i)}
                  onChange={(e) =>
                    onChange({
                      ...value,
                      days: e.target.checked ? [...value.days, i] : value.days.filter((d) => d !== i),
                    })
                  }
                />
                {day.slice(0, 3)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {time !== null && (
        <EditorField label="At">
          {({ id }) => (
            <Input id={id} type="time" className="w-32" value={time} onChange={(e) => setTime(e.target.value)} />
          )}
        </EditorField>
      )}
    </div>
  )
}

export function ScheduleFields({
  index,
  now,
  masterTimeZone,
  zones,
}: {
  index: number
  now: Date
  masterTimeZone: string
  zones: TargetZone[]
}) {
  const { register, control, setValue, formState } = useFormContext<JobForm>()
  const path = `schedules.${index}` as const
  const schedule = useWatch({ control, name: path })
  const errors = formState.errors.schedules?.[index]
  const once = schedule?.runAt !== undefined
  const cron = schedule?.cron ?? ''
  const [mode, setMode] = useState<Mode>(() => recurrenceOf(cron)?.every ?? 'cron')
  const [zone, setZone] = useState<number | null>(zones[0]?.offsetMinutes ?? null)
  const recurrence = recurrenceOf(cron)
  const set = (field: 'cron' | 'runAt' | 'startsAt' | 'endsAt', value: string | undefined) =>
    setValue(`${path}.${field}`, value, { shouldDirty: true, shouldValidate: formState.isSubmitted })

  const chooseKind = (kind: 'recurring' | 'once') => {
    if (kind === 'once') {
      set('cron', undefined)
      set('startsAt', undefined)
      set('endsAt', undefined)
      set('runAt', new Date(now.getTime() + 3600_000).toISOString())
    } else {
      set('runAt', undefined)
      set('cron', cronOf(DEFAULTS.day))
      setMode('day')
    }
  }
  const chooseMode = (next: Mode) => {
    setMode(next)
    if (next !== 'cron') set('cron', cronOf(recurrence?.every === next ? recurrence : DEFAULTS[next]))
  }
  const valid = !once && isValidCron(cron)
  const times = { cron, runAt: null, startsAt: schedule?.startsAt, endsAt: schedule?.endsAt }
  const masterRuns = valid ? nextScheduleRuns(times, 5, now, undefined, { timeZone: masterTimeZone }) : []
  const targetRuns =
    valid && zone !== null ? nextScheduleRuns(times, 5, now, undefined, { utcOffsetMinutes: zone }) : []
  const scheduleError = errors?.message ?? errors?.root?.message

  return (
    <fieldset className="grid gap-4" aria-label={`Schedule ${index + 1}`}>
      <div className="grid gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <EditorField label="Schedule name" error={errors?.name?.message}>
          {({ id, describedBy, invalid }) => (
            <Input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...register(`${path}.name`)}
            />
          )}
        </EditorField>
        <EditorField label="Schedule type">
          {({ id }) => (
            <NativeSelect
              id={id}
              value={once ? 'once' : 'recurring'}
              onChange={(e) => chooseKind(e.target.value as 'once')}
            >
              <option value="recurring">Recurring</option>
              <option value="once">One time</option>
            </NativeSelect>
          )}
        </EditorField>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" {...register(`${path}.enabled`)} /> Enabled
        </label>
      </div>
      {once ? (
        <EditorField label="Run once at" error={errors?.runAt?.message} hint="In this browser's time zone.">
          {({ id, describedBy, invalid }) => (
            <Input
              id={id}
              type="datetime-local"
              className="sm:w-64"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={toLocalInput(schedule?.runAt)}
              onChange={(e) => set('runAt', e.target.value ? new Date(e.target.value).toISOString() : '')}
            />
          )}
        </EditorField>
      ) : (
        <div className="grid gap-3">
          <EditorField label="Occurs" className="sm:w-64">
            {({ id }) => (
              <NativeSelect id={id} value={mode} onChange={(e) => chooseMode(e.target.value as Mode)}>
                <option value="minutes">Every N minutes</option>
                <option value="day">Daily</option>
                <option value="week">Weekly</option>
                <option value="month">Monthly</option>
                <option value="cron">Cron expression</option>
              </NativeSelect>
            )}
          </EditorField>
          {mode !== 'cron' && recurrence?.every === mode ? (
            <Builder value={recurrence} onChange={(r) => set('cron', cronOf(r))} />
          ) : null}
          <EditorField
            label="Cron expression"
            error={errors?.cron?.message}
            hint={mode === 'cron' ? CRON_HELP : 'Written by the choices above; type here to write your own.'}
          >
            {({ id, describedBy, invalid }) => (
              <Input
                id={id}
                className="font-mono sm:w-64"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={cron}
                onChange={(e) => {
                  set('cron', e.target.value)
                  setMode(recurrenceOf(e.target.value)?.every ?? 'cron')
                }}
              />
            )}
          </EditorField>
          <div className="grid gap-3 sm:grid-cols-2">
            {(['startsAt', 'endsAt'] as const).map((field) => (
              <EditorField
                key={field}
                label={field === 'startsAt' ? 'Start date (optional)' : 'End date (optional)'}
                error={errors?.[field]?.message}
                hint={
                  field === 'startsAt'
                    ? 'No run before it. In this browser’s time zone.'
                    : 'No run after it. In this browser’s time zone.'
                }
              >
                {({ id, describedBy, invalid }) => (
                  <Input
                    id={id}
                    type="datetime-local"
                    className="sm:w-64"
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    value={toLocalInput(schedule?.[field])}
                    onChange={(e) => set(field, e.target.value ? new Date(e.target.value).toISOString() : undefined)}
                  />
                )}
              </EditorField>
            ))}
          </div>
          <p className="text-sm" data-testid="schedule-words">
            {valid ? describeCron(cron) : 'Not a valid cron expression yet.'}
          </p>
          {valid && masterRuns.length === 0 && (
            <p className="text-sm text-muted-foreground">It will not run again: its end date has passed.</p>
          )}
          {valid && masterRuns.length > 0 && (
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <p className="text-sm font-medium">Next runs in the master's time zone ({masterTimeZone})</p>
                <ol className="text-sm tabular-nums" aria-label="Next runs, master's time">
                  {masterRuns.map((r) => (
                    <li key={r.toISOString()}>{formatIn(r, { timeZone: masterTimeZone })}</li>
                  ))}
                </ol>
              </div>
              {zones.length > 0 && zone !== null && (
                // its select names an example target, which may be long: it narrows to the column, not past it
                <div className="min-w-0">
                  <label className="text-sm font-medium" htmlFor={`zone-${index}`}>
                    Next runs on a target in
                  </label>{' '}
                  <NativeSelect
                    id={`zone-${index}`}
                    className="mb-1 h-8 w-auto max-w-full"
                    value={zone}
                    onChange={(e) => setZone(Number(e.target.value))}
                  >
                    {zones.map((z) => (
                      <option key={z.offsetMinutes} value={z.offsetMinutes}>
                        {offsetLabel(z.offsetMinutes)} ({z.targets} target{z.targets === 1 ? '' : 's'}, e.g. {z.example}
                        )
                      </option>
                    ))}
                  </NativeSelect>
                  <ol className="text-sm tabular-nums" aria-label="Next runs, target's local time">
                    {targetRuns.map((r) => (
                      <li key={r.toISOString()}>
                        {formatIn(r, { offsetMinutes: zone })} local{' '}
                        <span className="text-muted-foreground">
                          ({formatIn(r, { timeZone: masterTimeZone })} master)
                        </span>
                      </li>
                    ))}
                  </ol>
                </div>
              )}
            </div>
          )}
        </div>
      )}
      {scheduleError && (
        <p role="alert" className="text-sm text-destructive">
          {scheduleError}
        </p>
      )}
    </fieldset>
  )
}
