'use client'

// Stop on the chosen runs: asks first, saying which targets get STOP of which job, then says what was posted.
import { SquareIcon } from 'lucide-react'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { countOf } from '@/components/format/counts'
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
import { stopRunsAction } from './actions'
import { describeRuns } from './stop-words'

export interface ChosenRun {
  job: string
  target: string
}

export function StopRuns({ runs, ability, onDone }: { runs: ChosenRun[]; ability: Ability; onDone: () => void }) {
  const { run, pending, outcome } = useServerAction()
  const [asking, setAsking] = useState(false)
  const none = runs.length === 0
  const chosen = countOf(runs.length, 'run')
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-muted-foreground" aria-live="polite">
        {none ? 'Select runs to stop them.' : `${chosen} selected`}
      </span>
      <GuardedButton
        ability={ability}
        variant="outline"
        size="sm"
        disabled={none || pending}
        onClick={() => setAsking(true)}
      >
        <SquareIcon aria-hidden />
        Stop
      </GuardedButton>
      <OutcomeMessage outcome={outcome} />
      <AlertDialog open={asking} onOpenChange={setAsking}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              Stop {runs.length === 1 ? `${runs[0]?.job} on ${runs[0]?.target}` : chosen}?
            </AlertDialogTitle>
            <AlertDialogDescription>
              Each target ends the step it is on and records the run as canceled, when it downloads STOP; a run that has
              ended by then is left alone.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="What will be posted">
            {describeRuns(runs).map((line) => (
              <li key={line} className="break-words">
                {line}
              </li>
            ))}
          </ul>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={() => run(() => stopRunsAction({ runs }), onDone)}>Stop</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  )
}
