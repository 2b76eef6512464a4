'use client'

import { RefreshCwIcon, RotateCcwIcon, SendIcon, UnplugIcon, ZapIcon } from 'lucide-react'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { targetServers } from '@/components/format/counts'
import { OutcomeMessage } from '@/components/forms/action-outcome'
import { useServerAction } from '@/components/forms/use-server-action'
import type { ActionResult } from '@/lib/auth/action-result'
import type { TargetSelection } from '@/lib/msx/target-selection'
import type { TargetAbilities } from './abilities'
import { defectAction, forceDefectAction, forcePollAction, resyncAction } from './actions'
import { type Defection, DefectionConfirm } from './defection-confirm'
import type { PostableOperation } from './instruction-types'
import { PostInstructionsDialog } from './post-instructions-dialog'
import type { ActionSelection } from './use-target-selection'

export function TargetActions({
  selection,
  abilities,
  postAbilities,
  groups,
  jobs,
  countShown = true,
  onForceDefected,
}: {
  selection: ActionSelection
  abilities: TargetAbilities
  postAbilities: Record<PostableOperation, Ability>
  groups: string[]
  jobs: string[]
  /** say how many are selected (the list), or not (a target's own page) */
  countShown?: boolean
  /** after Force Defection has removed them (a target's page has nothing left to show) */
  onForceDefected?: () => void
}) {
  const { run: runAction, pending, outcome, setOutcome } = useServerAction()
  const [confirming, setConfirming] = useState<Defection | null>(null)
  const [posting, setPosting] = useState(false)
  const chosen = selection.selection
  const run = <T,>(action: (input: { selection: TargetSelection }) => Promise<ActionResult<T>>, then?: () => void) => {
    if (chosen)
      runAction(
        () => action({ selection: chosen }),
        () => {
          selection.clear()
          then?.()
        },
      )
  }
  const none = chosen === null
  const count = targetServers(selection.count)
  const names = selection.chosenRows.map((row) => row.name)
  return (
    <div className="flex flex-wrap items-center gap-2">
      {countShown && (
        <span className="text-sm text-muted-foreground" aria-live="polite">
          {none ? 'Select target servers to act on them.' : `${count} selected`}
        </span>
      )}
      <GuardedButton
        ability={abilities.forcePoll}
        variant="outline"
        size="sm"
        disabled={none || pending}
        onClick={() => run(forcePollAction)}
      >
        <RefreshCwIcon aria-hidden />
        Force Poll
      </GuardedButton>
      <GuardedButton
        ability={abilities.forceDefect}
        variant="outline"
        size="sm"
        disabled={none || pending}
        onClick={() => setConfirming('force')}
      >
        <ZapIcon aria-hidden />
        Force Defection
      </GuardedButton>
      <GuardedButton
        ability={abilities.postInstructions}
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() => setPosting(true)}
      >
        <SendIcon aria-hidden />
        Post Instructions...
      </GuardedButton>
      <GuardedButton
        ability={abilities.resync}
        variant="outline"
        size="sm"
        disabled={none || pending}
        onClick={() => run(resyncAction)}
      >
        <RotateCcwIcon aria-hidden />
        Re-synchronize
      </GuardedButton>
      <GuardedButton
        ability={abilities.defect}
        variant="outline"
        size="sm"
        disabled={none || pending}
        onClick={() => setConfirming('defect')}
      >
        <UnplugIcon aria-hidden />
        Defect
      </GuardedButton>
      {posting && (
        <PostInstructionsDialog
          open={posting}
          onOpenChange={setPosting}
          selection={selection}
          groups={groups}
          jobs={jobs}
          abilities={postAbilities}
          onPosted={(message) => {
            setOutcome({ ok: true, message })
            selection.clear()
          }}
        />
      )}
      <DefectionConfirm
        kind={confirming}
        onCancel={() => setConfirming(null)}
        onConfirm={(kind) => (kind === 'force' ? run(forceDefectAction, onForceDefected) : run(defectAction))}
        count={count}
        names={names}
        allMatching={selection.allMatching}
      />
      <OutcomeMessage outcome={outcome} />
    </div>
  )
}
