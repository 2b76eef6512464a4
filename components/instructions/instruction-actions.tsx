'use client'

import { EraserIcon, Trash2Icon } from 'lucide-react'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { countOf } from '@/components/format/counts'
import { sayNames } from '@/components/format/names'
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
import type { ActionResult } from '@/lib/auth/action-result'
import type { InstructionRow } from '@/lib/msx/instructions'
import { clearInstructionErrorsAction, deleteInstructionsAction } from './actions'

/** Delete and Clear on the selected instructions; each reports what it did. */
export function InstructionActions({
  selected,
  ability,
  onDone,
}: {
  selected: InstructionRow[]
  ability: Ability
  onDone: () => void
}) {
  const { run: runAction, pending, outcome } = useServerAction()
  const [confirming, setConfirming] = useState(false)
  const errors = selected.filter((row) => row.status === 'error')
  const run = <T,>(action: (input: { ids: number[] }) => Promise<ActionResult<T>>, ids: number[]) =>
    runAction(() => action({ ids }), onDone)
  const count = countOf(selected.length, 'instruction')
  const targets = [...new Set(selected.map((row) => row.targetName))]
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-muted-foreground" aria-live="polite">
        {selected.length === 0
          ? 'Select instructions to delete them or clear their errors.'
          : `${count} selected${errors.length > 0 ? `, ${countOf(errors.length, 'error')}` : ''}`}
      </span>
      <GuardedButton
        ability={ability}
        variant="outline"
        size="sm"
        disabled={selected.length === 0 || pending}
        onClick={() => setConfirming(true)}
      >
        <Trash2Icon aria-hidden />
        Delete
      </GuardedButton>
      <GuardedButton
        ability={ability}
        variant="outline"
        size="sm"
        disabled={errors.length === 0 || pending}
        onClick={() =>
          run(
            clearInstructionErrorsAction,
            errors.map((row) => row.id),
          )
        }
      >
        <EraserIcon aria-hidden />
        Clear
      </GuardedButton>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete {count}?</AlertDialogTitle>
            <AlertDialogDescription>
              They are removed from the download list of {sayNames(targets)}: a pending one will not be downloaded, and
              a deleted error no longer blocks its target. To bring a target back in step with its jobs afterwards,
              re-synchronize it.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() =>
                run(
                  deleteInstructionsAction,
                  selected.map((row) => row.id),
                )
              }
            >
              Delete
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <OutcomeMessage outcome={outcome} />
    </div>
  )
}
