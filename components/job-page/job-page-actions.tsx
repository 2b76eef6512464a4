'use client'

// A job's page has the Jobs list's actions for this one job (Enable or Disable, as it is); after Delete it goes
// back to the list.
import { useRouter } from 'next/navigation'
import { type JobAbilities, JobActions } from '@/components/jobs/job-actions'

export function JobPageActions({
  name,
  enabled,
  abilities,
}: {
  name: string
  enabled: boolean
  abilities: JobAbilities
}) {
  const router = useRouter()
  return (
    <JobActions
      names={[name]}
      abilities={abilities}
      countShown={false}
      hidden={[enabled ? 'enable' : 'disable']}
      onDone={(action) => action === 'delete' && router.push('/jobs')}
    />
  )
}
