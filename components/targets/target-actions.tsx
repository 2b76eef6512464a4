'use client'

import { useQueryClient } from '@tanstack/react-query'
import { RefreshCwIcon, UnplugIcon, ZapIcon } from 'lucide-react'
import { type ReactNode, useState, useTransition } from 'react'
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
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { targetKeys } from '@/lib/query/keys'
import type { Ability, TargetAbilities } from './abilities'
import { defectAction, forceDefectAction, forcePollAction } from './actions'

type Outcome = { ok: boolean; message: string }

/** A toolbar button that is disabled, with the reason in a tooltip, when the role does not allow the action. */
function ActionButton({
  ability,
  disabled,
  onClick,
  icon,
  children,
}: {
  ability: Ability
  disabled: boolean
  onClick: () => void
  icon: ReactNode
  children: string
}) {
  if (ability.allowed)
    return (
      <Button variant="outline" size="sm" disabled={disabled} onClick={onClick}>
        {icon}
        {children}
      </Button>
    )
  // aria-disabled rather than disabled: the button stays focusable, so its tooltip can say why
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button variant="outline" size="sm" aria-disabled="true" className="cursor-not-allowed opacity-50">
          {icon}
          {children}
          <span className="sr-only">: {ability.reason}</span>
        </Button>
      </TooltipTrigger>
      <TooltipContent>{ability.reason}</TooltipContent>
    </Tooltip>
  )
}

export function TargetActions({
  selected,
  abilities,
  onDone,
}: {
  selected: string[]
  abilities: TargetAbilities
  onDone: () => void
}) {
  const queryClient = useQueryClient()
  const [pending, start] = useTransition()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [confirming, setConfirming] = useState(false)
  const none = selected.length === 0
  const run = (action: (input: { names: string[] }) => Promise<Outcome>) =>
    start(async () => {
      const result = await action({ names: selected })
      setOutcome(result)
      if (result.ok) {
        await queryClient.invalidateQueries({ queryKey: targetKeys.lists() })
        onDone()
      }
    })
  const count = `${selected.length} target server${selected.length === 1 ? '' : 's'}`
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-muted-foreground" aria-live="polite">
        {none ? 'Select target servers to act on them.' : `${count} selected`}
      </span>
      <ActionButton
        ability={abilities.forcePoll}
        disabled={none || pending}
        onClick={() => run(forcePollAction)}
        icon={<RefreshCwIcon aria-hidden />}
      >
        Force Poll
      </ActionButton>
      <ActionButton
        ability={abilities.defect}
        disabled={none || pending}
        onClick={() => run(defectAction)}
        icon={<UnplugIcon aria-hidden />}
      >
        Defect
      </ActionButton>
      <ActionButton
        ability={abilities.forceDefect}
        disabled={none || pending}
        onClick={() => setConfirming(true)}
        icon={<ZapIcon aria-hidden />}
      >
        Force Defection
      </ActionButton>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Force the defection of {count}?</AlertDialogTitle>
            <AlertDialogDescription>
              {selected.slice(0, 5).join(', ')}
              {selected.length > 5 ? ` and ${selected.length - 5} more` : ''} will be removed from this master at once,
              with their download instructions, and their certificates revoked. Their agents are not told: on each
              target run <code>msx-agent defect --force</code>. Use Defect instead for a target that still polls.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={() => run(forceDefectAction)}>Force Defection</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      {outcome && (
        <p
          role="status"
          className={outcome.ok ? 'text-sm text-emerald-700 dark:text-emerald-400' : 'text-sm text-destructive'}
        >
          {outcome.message}
        </p>
      )}
    </div>
  )
}
