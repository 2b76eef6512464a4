'use client'

// The Jobs list's actions on the chosen jobs. Each asks first, showing the plan: how many targets get what, and
// which of them are offline or blocked; Pause schedules asks until when as well.
import {
  BanIcon,
  CalendarCheckIcon,
  CalendarClockIcon,
  CircleCheckIcon,
  PlayIcon,
  SendIcon,
  SquareIcon,
  Trash2Icon,
} from 'lucide-react'
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
import type { JobAction, JobFanOut } from '@/lib/msx/job-actions'
import {
  deleteJobsAction,
  disableJobsAction,
  enableJobsAction,
  pauseJobsAction,
  planJobsAction,
  repostJobsAction,
  resumeJobsAction,
  startJobsAction,
  stopJobsAction,
} from './actions'
import { describePlan, JOB_ACTION_WORDS } from './job-action-words'
import { type PauseUntil, PauseUntilFields, pauseUntilOf } from './pause-until-fields'

export interface JobAbilities {
  run: Ability
  edit: Ability
}

const RUN: Record<JobAction, (input: { names: string[]; until?: string }) => ReturnType<typeof startJobsAction>> = {
  start: startJobsAction,
  stop: stopJobsAction,
  enable: enableJobsAction,
  disable: disableJobsAction,
  pause: pauseJobsAction,
  resume: resumeJobsAction,
  repost: repostJobsAction,
  delete: deleteJobsAction,
}
const ICONS = {
  start: PlayIcon,
  stop: SquareIcon,
  enable: CircleCheckIcon,
  disable: BanIcon,
  pause: CalendarClockIcon,
  resume: CalendarCheckIcon,
  repost: SendIcon,
  delete: Trash2Icon,
}
const ORDER: JobAction[] = ['start', 'stop', 'enable', 'disable', 'pause', 'resume', 'repost', 'delete']
const NO_PAUSE: PauseUntil = { day: null, time: '06:00' }

export function JobActions({
  names,
  abilities,
  onDone,
  countShown = true,
  hidden = [],
}: {
  names: string[]
  abilities: JobAbilities
  onDone: (action: JobAction) => void
  /** say how many are selected (the list), or not (a job's own page) */
  countShown?: boolean
  /** actions that cannot apply here (Enable on a job's page while it is enabled) */
  hidden?: JobAction[]
}) {
  const { run, pending, outcome } = useServerAction()
  const [asking, setAsking] = useState<{ action: JobAction; plan: JobFanOut[] | null; error?: string } | null>(null)
  const [pauseUntil, setPauseUntil] = useState<PauseUntil>(NO_PAUSE)
  const none = names.length === 0
  const ask = async (action: JobAction) => {
    setAsking({ action, plan: null })
    setPauseUntil(NO_PAUSE)
    const answer = await planJobsAction({ names })
    setAsking(answer.ok ? { action, plan: answer.data } : { action, plan: null, error: answer.message })
  }
  const words = asking && JOB_ACTION_WORDS[asking.action]
  const jobs = countOf(names.length, 'job')
  const pausing = asking?.action === 'pause'
  const chosenPause = pauseUntilOf(pauseUntil)
  return (
    <div className="flex flex-wrap items-center gap-2">
      {countShown && (
        <span className="text-sm text-muted-foreground" aria-live="polite">
          {none ? 'Select jobs to act on them.' : `${jobs} selected`}
        </span>
      )}
      {ORDER.filter((action) => !hidden.includes(action)).map((action) => {
        const Icon = ICONS[action]
        return (
          <GuardedButton
            key={action}
            ability={action === 'start' || action === 'stop' ? abilities.run : abilities.edit}
            variant={action === 'delete' ? 'destructive' : 'outline'}
            size="sm"
            disabled={none || pending}
            onClick={() => ask(action)}
          >
            <Icon aria-hidden />
            {JOB_ACTION_WORDS[action].verb}
          </GuardedButton>
        )
      })}
      <OutcomeMessage outcome={outcome} />
      <AlertDialog open={asking !== null} onOpenChange={(open) => !open && setAsking(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {words?.title} {names.length === 1 ? names[0] : jobs}?
            </AlertDialogTitle>
            <AlertDialogDescription>{words?.effect}</AlertDialogDescription>
          </AlertDialogHeader>
          {pausing && <PauseUntilFields value={pauseUntil} onChange={setPauseUntil} />}
          {asking?.error ? (
            <p role="alert" className="text-sm text-destructive">
              {asking.error}
            </p>
          ) : asking?.plan ? (
            <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="What will be posted">
              {describePlan(asking.action, asking.plan).map((line) => (
                <li key={line} className="break-words">
                  {line}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">Counting the target servers…</p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              disabled={!asking?.plan || (pausing && !('until' in chosenPause))}
              onClick={() => {
                if (!asking) return
                const { action } = asking
                const until = action === 'pause' && 'until' in chosenPause ? chosenPause.until : undefined
                run(
                  () => RUN[action]({ names, until }),
                  () => onDone(action),
                )
              }}
            >
              {words?.verb}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  )
}
