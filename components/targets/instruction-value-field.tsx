'use client'

import { Input } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '@/lib/msx/operations'
import { isJobOperation, type PostableOperation } from './instruction-types'

function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null
  return (
    <p id={id} className="text-sm text-destructive">
      {messages.join(' ')}
    </p>
  )
}

/** The value an instruction carries, where it takes one: SET-POLL's interval, START's or STOP's job. */
export function InstructionValueField({
  operation,
  value,
  onValue,
  job,
  onJob,
  jobs,
  errors,
}: {
  operation: PostableOperation
  value: string
  onValue: (value: string) => void
  job: string
  onJob: (job: string) => void
  jobs: string[]
  errors: Record<string, string[] | undefined>
}) {
  if (operation === 'SET-POLL')
    return (
      <div className="grid gap-1.5">
        <label htmlFor="poll-interval" className="text-sm font-medium">
          Polling interval (seconds)
        </label>
        <Input
          id="poll-interval"
          type="number"
          inputMode="numeric"
          min={MIN_POLL_INTERVAL_SECONDS}
          max={MAX_POLL_INTERVAL_SECONDS}
          step={1}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          aria-invalid={errors.value ? true : undefined}
          aria-describedby={errors.value ? 'poll-interval-error' : 'poll-interval-hint'}
          className="w-40"
        />
        <p id="poll-interval-hint" className="text-xs text-muted-foreground">
          From {MIN_POLL_INTERVAL_SECONDS} to {MAX_POLL_INTERVAL_SECONDS.toLocaleString('en-US')} seconds (8 hours).
        </p>
        <FieldError id="poll-interval-error" messages={errors.value} />
      </div>
    )
  if (!isJobOperation(operation)) return null
  if (jobs.length === 0)
    return <p className="text-sm text-muted-foreground">There are no multiserver jobs on this master yet.</p>
  return (
    <div className="grid gap-1.5">
      <span id="job-label" className="text-sm font-medium">
        Job
      </span>
      <Select value={job} onValueChange={onJob}>
        <SelectTrigger
          aria-labelledby="job-label"
          aria-invalid={errors.job ? true : undefined}
          aria-describedby={errors.job ? 'job-error' : undefined}
          className="w-72"
        >
          <SelectValue placeholder="Choose a job" />
        </SelectTrigger>
        <SelectContent>
          {jobs.map((name) => (
            <SelectItem key={name} value={name}>
              {name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <FieldError id="job-error" messages={errors.job} />
    </div>
  )
}
