'use client'

// Start at step N (SSMS's Start Job at Step): the step to begin with, on all the job's targets or chosen ones; the
// plan is shown before anything is posted, and the answer says what was.
import { ListStartIcon } from 'lucide-react'
import { useEffect, useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { OutcomeMessage } from '@/components/forms/action-outcome'
import { useServerAction } from '@/components/forms/use-server-action'
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
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import type { StartPlan } from '@/lib/msx/job-start'
import { planStartAtStepAction, startAtStepAction } from './actions'
import { ChooseJobTargets } from './choose-job-targets'
import { describeStartPlan } from './start-words'

export function StartAtStep({
  name,
  steps,
  targetCount,
  ability,
}: {
  name: string
  steps: { name: string }[]
  targetCount: number
  ability: Ability
}) {
  const { run, pending, outcome } = useServerAction()
  const [open, setOpen] = useState(false)
  const [step, setStep] = useState(1)
  const [choosing, setChoosing] = useState(false)
  const [chosen, setChosen] = useState<string[]>([])
  const [plan, setPlan] = useState<{ plan: StartPlan | null; error?: string }>({ plan: null })
  const input = { name, step, ...(choosing ? { targets: chosen } : {}) }
  const noneChosen = choosing && chosen.length === 0
  const key = JSON.stringify(input)

  // the plan is asked again whenever the input changes: its JSON is the key
  useEffect(() => {
    if (!open || noneChosen) return
    let current = true
    setPlan({ plan: null })
    planStartAtStepAction(JSON.parse(key)).then(
      (answer) => current && setPlan(answer.ok ? { plan: answer.data } : { plan: null, error: answer.message }),
    )
    return () => {
      current = false
    }
  }, [open, key, noneChosen])

  return (
    <>
      <GuardedButton
        ability={ability}
        variant="outline"
        size="sm"
        disabled={pending || targetCount === 0}
        onClick={() => {
          setStep(1)
          setChoosing(false)
          setChosen([])
          setOpen(true)
        }}
      >
        <ListStartIcon aria-hidden />
        Start at step…
      </GuardedButton>
      <OutcomeMessage outcome={outcome} />
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Start {name} at a step?</AlertDialogTitle>
            <AlertDialogDescription>
              Each target runs the job now from the step chosen; the steps before it do not run. A target whose agent
              predates Start at step runs it from step 1.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <div className="grid gap-3">
            <div className="flex items-center gap-2">
              <span className="text-sm font-medium">Start at step</span>
              <Select value={String(step)} onValueChange={(value) => setStep(Number(value))}>
                <SelectTrigger aria-label="Start at step" className="w-60">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {steps.map((s, i) => (
                    <SelectItem key={s.name} value={String(i + 1)}>
                      {i + 1}. {s.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
            <fieldset className="grid gap-2">
              <legend className="mb-1.5 text-sm font-medium">Target servers</legend>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="start-targets"
                  checked={!choosing}
                  onChange={() => setChoosing(false)}
                  className="size-4 accent-primary"
                />
                All its target servers
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="start-targets"
                  checked={choosing}
                  onChange={() => setChoosing(true)}
                  className="size-4 accent-primary"
                />
                Chosen target servers
              </label>
              {choosing && <ChooseJobTargets job={name} chosen={chosen} onChange={setChosen} />}
            </fieldset>
          </div>
          {noneChosen ? (
            <p className="text-sm text-muted-foreground" aria-live="polite">
              Choose at least one target server.
            </p>
          ) : plan.error ? (
            <p role="alert" className="text-sm text-destructive">
              {plan.error}
            </p>
          ) : plan.plan ? (
            <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="What will be posted">
              <li className="break-words">{describeStartPlan(plan.plan, step)}</li>
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">Counting the target servers…</p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction disabled={noneChosen || !plan.plan} onClick={() => run(() => startAtStepAction(input))}>
              Start
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  )
}
