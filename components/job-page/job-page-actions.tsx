'use client'

// A job's page has Edit (on the tab being read), Start at step, and the Jobs list's actions for this one job (Enable
// or Disable, as it is; Resume schedules while they are paused); after Delete it goes back to the list.
import { PencilIcon } from 'lucide-react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { GuardedButton } from '@/components/auth/guarded-button'
import { EDITOR_TABS } from '@/components/job-editor/editor-types'
import { type JobAbilities, JobActions } from '@/components/jobs/job-actions'
import { jobHref } from '@/components/jobs/job-href'
import { Button } from '@/components/ui/button'
import { StartAtStep } from './start-at-step'

export function JobPageActions({
  name,
  enabled,
  paused,
  steps,
  targetCount,
  abilities,
  editTab,
}: {
  name: string
  enabled: boolean
  paused: boolean
  steps: { name: string }[]
  targetCount: number
  abilities: JobAbilities
  /** the tab being read: Edit opens the editor on it, where the editor has it */
  editTab: string
}) {
  const router = useRouter()
  const tab = EDITOR_TABS.some((t) => t.id === editTab) && editTab !== 'general' ? `?tab=${editTab}` : ''
  return (
    <div className="flex flex-wrap items-center gap-2">
      {abilities.edit.allowed ? (
        <Button asChild size="sm">
          <Link href={`${jobHref(name)}/edit${tab}`}>
            <PencilIcon aria-hidden /> Edit
          </Link>
        </Button>
      ) : (
        <GuardedButton ability={abilities.edit} size="sm">
          <PencilIcon aria-hidden /> Edit
        </GuardedButton>
      )}
      <StartAtStep name={name} steps={steps} targetCount={targetCount} ability={abilities.run} />
      <JobActions
        names={[name]}
        abilities={abilities}
        countShown={false}
        hidden={[enabled ? 'enable' : 'disable', ...(paused ? [] : (['resume'] as const))]}
        onDone={(action) => action === 'delete' && router.push('/jobs')}
      />
    </div>
  )
}
