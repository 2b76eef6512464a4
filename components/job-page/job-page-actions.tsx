'use client'

// A job's page has the Jobs list's actions for this one job; after Delete it goes back to the list.
import { useRouter } from 'next/navigation'
import { type JobAbilities, JobActions } from '@/components/jobs/job-actions'

export function JobPageActions({ name, abilities }: { name: string; abilities: JobAbilities }) {
  const router = useRouter()
  return (
    <JobActions
      names={[name]}
      abilities={abilities}
      countShown={false}
      onDone={(action) => action === 'delete' && router.push('/jobs')}
    />
  )
}
