'use client'

// Steps: the outline shows every step's success and failure paths and warns of steps no path reaches; the chosen
// step is edited beside it. Moving, duplicating and deleting keep each go-to pointing at the step it named.
import { ArrowDownIcon, ArrowUpIcon, CopyIcon, PlusIcon, Trash2Icon } from 'lucide-react'
import { type KeyboardEvent, useState } from 'react'
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'
import { Button } from '@/components/ui/button'
import { flowProblem, renumberGoto, shiftGotoForInsert, unreachableSteps } from '@/lib/msx/job-flow'
import { cn } from '@/lib/utils'
import { describeFlow } from '../job-page/step-flow'
import { type JobForm, NEW_STEP, type StepForm } from './editor-types'
import { StepFields } from './step-fields'

const withActions = (step: StepForm, map: (action: string) => string): StepForm => ({
  ...step,
  onSuccess: map(step.onSuccess ?? 'next'),
  onFailure: map(step.onFailure ?? 'quit-failure'),
})

function copyName(name: string, taken: string[]): string {
  const keys = new Set(taken.map((t) => t.toUpperCase()))
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`
    if (!keys.has(candidate.toUpperCase())) return candidate
  }
}

export function StepsEditor() {
  const { control, getValues, formState } = useFormContext<JobForm>()
  const { fields, replace } = useFieldArray({ control, name: 'steps' })
  const steps = useWatch({ control, name: 'steps' })
  const [selected, setSelected] = useState(0)
  const [deleting, setDeleting] = useState<number | null>(null)
  const current = Math.min(selected, fields.length - 1)
  const unreachable = new Set(unreachableSteps(steps))

  const move = (from: number, to: number) => {
    if (to < 0 || to >= fields.length) return
    const list = getValues('steps').map((s) => withActions(s, (a) => renumberGoto(a, from + 1, to + 1)))
    const [step] = list.splice(from, 1)
    if (step) list.splice(to, 0, step)
    replace(list)
    setSelected(to)
  }
  const insertAt = (at: number, step: StepForm) => {
    const list = getValues('steps').map((s) => withActions(s, (a) => shiftGotoForInsert(a, at + 1)))
    list.splice(at, 0, step)
    replace(list)
    setSelected(at)
  }
  const remove = (index: number) => {
    const list = getValues('steps')
      .filter((_, i) => i !== index)
      .map((s) => withActions(s, (a) => renumberGoto(a, index + 1, null)))
    replace(list)
    setSelected(Math.max(0, index - 1))
  }
  const add = () => {
    const names = getValues('steps').map((s) => s.name)
    insertAt(fields.length, { ...NEW_STEP, name: names.length === 0 ? 'Step 1' : copyName('Step', names) })
  }
  const duplicate = (index: number) => {
    const step = getValues(`steps.${index}`)
    insertAt(index + 1, {
      ...step,
      name: copyName(
        step.name || 'Step',
        getValues('steps').map((s) => s.name),
      ),
    })
  }
  const onKey = (event: KeyboardEvent, index: number) => {
    if (event.altKey && event.key === 'ArrowUp') {
      event.preventDefault()
      move(index, index - 1)
    } else if (event.altKey && event.key === 'ArrowDown') {
      event.preventDefault()
      move(index, index + 1)
    }
  }
  const listError = formState.errors.steps?.message ?? formState.errors.steps?.root?.message

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <div className="grid min-w-0 content-start gap-3">
        <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Steps">
          <Button type="button" size="sm" variant="outline" onClick={add}>
            <PlusIcon aria-hidden /> New step
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={fields.length === 0}
            onClick={() => duplicate(current)}
          >
            <CopyIcon aria-hidden /> Duplicate
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={current <= 0}
            onClick={() => move(current, current - 1)}
            aria-label="Move step up"
          >
            <ArrowUpIcon aria-hidden /> Up
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={current >= fields.length - 1}
            onClick={() => move(current, current + 1)}
            aria-label="Move step down"
          >
            <ArrowDownIcon aria-hidden /> Down
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={fields.length <= 1}
            onClick={() => setDeleting(current)}
          >
            <Trash2Icon aria-hidden /> Delete
          </Button>
        </div>
        {listError && (
          <p role="alert" className="text-sm text-destructive">
            {listError}
          </p>
        )}
        <p className="text-xs text-muted-foreground">Alt+↑ and Alt+↓ move the chosen step.</p>
        <ol className="grid gap-2" aria-label="Step flow">
          {fields.map((field, i) => {
            const step = steps[i] ?? field
            const problems = [
              flowProblem(step.onSuccess ?? 'next', i + 1, steps.length),
              flowProblem(step.onFailure ?? 'quit-failure', i + 1, steps.length),
            ].filter(Boolean)
            const stepErrors = formState.errors.steps?.[i]
            return (
              <li key={field.id}>
                <button
                  type="button"
                  aria-current={i === current ? 'step' : undefined}
                  onClick={() => setSelected(i)}
                  onKeyDown={(e) => onKey(e, i)}
                  className={cn(
                    'grid w-full gap-1 rounded-md border p-2 text-left text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
                    i === current ? 'border-primary bg-muted/50' : 'hover:bg-muted/30',
                  )}
                >
                  <span className="font-medium">
                    {i + 1}. {step.name || '(unnamed)'}
                  </span>
                  <span className="text-xs text-muted-foreground">
                    On success: {describeFlow(step.onSuccess ?? 'next', steps)}
                  </span>
                  <span className="text-xs text-muted-foreground">
                    On failure: {describeFlow(step.onFailure ?? 'quit-failure', steps)}
                  </span>
                  {problems.map((p) => (
                    <span key={p} className="text-xs text-destructive">
                      {p}
                    </span>
                  ))}
                  {stepErrors && problems.length === 0 && (
                    <span className="text-xs text-destructive">This step has values to correct.</span>
                  )}
                  {unreachable.has(i + 1) && (
                    <span className="text-xs text-amber-700 dark:text-amber-400">
                      No path reaches this step: it runs only when a start names it.
                    </span>
                  )}
                </button>
              </li>
            )
          })}
        </ol>
      </div>
      {fields.length > 0 && (
        <div className="min-w-0 rounded-md border p-4" key={fields[current]?.id}>
          <h3 className="mb-3 font-semibold">Step {current + 1}</h3>
          <StepFields index={current} />
        </div>
      )}
      <AlertDialog open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              Delete step {deleting === null ? '' : deleting + 1}, {deleting === null ? '' : steps[deleting]?.name}?
            </AlertDialogTitle>
            <AlertDialogDescription>
              The steps after it move up one number. A step that goes to it must then be given another destination
              before the job can be saved. Nothing is posted until you save the job.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={() => deleting !== null && remove(deleting)}>Delete step</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  )
}
