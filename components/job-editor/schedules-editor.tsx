'use client'

import { PlusIcon, Trash2Icon } from 'lucide-react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import { Button } from '@/components/ui/button'
import { type JobForm, NEW_SCHEDULE } from './editor-types'
import { ScheduleFields, type TargetZone } from './schedule-fields'

/** Schedules: a job with none runs only when started. Removing one asks nothing: nothing is posted until the save. */
export function SchedulesEditor(props: { now: Date; masterTimeZone: string; zones: TargetZone[] }) {
  const { control, getValues } = useFormContext<JobForm>()
  const { fields, append, remove } = useFieldArray({ control, name: 'schedules' })
  const add = () => {
    const taken = new Set((getValues('schedules') ?? []).map((s) => s.name.toUpperCase()))
    let n = fields.length + 1
    while (taken.has(`SCHEDULE ${n}`)) n++
    append({ ...NEW_SCHEDULE, name: `Schedule ${n}` })
  }
  return (
    <div className="grid gap-4">
      {fields.length === 0 && (
        <p className="text-sm text-muted-foreground">
          No schedule: the job runs only when it is started (Start on the Jobs list or on its page).
        </p>
      )}
      <ul className="grid gap-4" aria-label="Schedules">
        {fields.map((field, i) => (
          <li key={field.id} className="grid gap-3 rounded-md border p-4">
            <ScheduleFields index={i} {...props} />
            <div>
              <Button type="button" size="sm" variant="outline" onClick={() => remove(i)}>
                <Trash2Icon aria-hidden /> Remove schedule
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <div>
        <Button type="button" size="sm" variant="outline" onClick={add}>
          <PlusIcon aria-hidden /> New schedule
        </Button>
      </div>
    </div>
  )
}
