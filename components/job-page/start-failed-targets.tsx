'use client'

// Start on failed targets, offered on a failed run in History: START to the targets whose latest run of the job
// failed (this one's among them), each from the step that failed or from the start, as the user chooses.
import { RotateCcwIcon } from 'lucide-react'
import { useState } from 'react'
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
import type { FailedTarget } from '@/lib/msx/job-start'
import { failedTargetsAction, startFailedTargetsAction } from './actions'
import { describeFailedTarget } from './start-words'

type From = 'failed-step' | 'start'

export function StartFailedTargets({ jobName, ability }: { jobName: string; ability: Ability }) {
  const { run, pending, outcome } = useServerAction()
  const [asking, setAsking] = useState<{ failed: FailedTarget[] | null; error?: string } | null>(null)
  const [from, setFrom] = useState<From>('failed-step')
  const ask = async () => {
    setFrom('failed-step')
    setAsking({ failed: null })
    const answer = await failedTargetsAction({ name: jobName })
    setAsking(answer.ok ? { failed: answer.data } : { failed: null, error: answer.message })
  }
  const option = (value: From, label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="radio"
        name="start-failed-from"
        checked={from === value}
        onChange={() => setFrom(value)}
        className="size-4 accent-primary"
      />
      {label}
    </label>
  )
  return (
    <div className="flex flex-wrap items-center gap-2">
      <GuardedButton ability={ability} variant="outline" size="sm" disabled={pending} onClick={ask}>
        <RotateCcwIcon aria-hidden />
        Start on failed targets
      </GuardedButton>
      <OutcomeMessage outcome={outcome} />
      <AlertDialog open={asking !== null} onOpenChange={(open) => !open && setAsking(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Start {jobName} on its failed targets?</AlertDialogTitle>
            <AlertDialogDescription>
              The target servers whose latest run of the job failed run it again now; the others are left alone.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <fieldset className="grid gap-2">
            <legend className="mb-1.5 text-sm font-medium">Start</legend>
            {option('failed-step', 'From the step that failed')}
            {option('start', 'From the start (step 1)')}
          </fieldset>
          {asking?.error ? (
            <p role="alert" className="text-sm text-destructive">
              {asking.error}
            </p>
          ) : asking?.failed ? (
            asking.failed.length === 0 ? (
              <p className="text-sm text-muted-foreground">No target server's latest run failed: nothing to start.</p>
            ) : (
              <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="What will be posted">
                {asking.failed.map((f) => (
                  <li key={f.target} className="break-words">
                    {describeFailedTarget(f, from)}
                  </li>
                ))}
              </ul>
            )
          ) : (
            <p className="text-sm text-muted-foreground">Finding the failed target servers…</p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              disabled={!asking?.failed || asking.failed.length === 0}
              onClick={() => run(() => startFailedTargetsAction({ name: jobName, from }))}
            >
              Start
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  )
}
