import { dehydrate, HydrationBoundary } from '@tanstack/react-query'
import { ActivityIcon } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { abilityOf } from '@/components/auth/ability'
import { JobsTable } from '@/components/jobs/jobs-table'
import { NewJobButton } from '@/components/jobs/new-job-button'
import { PageHeader } from '@/components/page-header'
import { Button } from '@/components/ui/button'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { jobListQuery, listJobRows } from '@/lib/msx/job-table'
import { jobListOptions } from '@/lib/query/lists'
import { getQueryClient } from '@/lib/query/query-client'
import { readQuery } from '@/lib/query/url'

export const metadata: Metadata = { title: 'Jobs' }

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { who } = await requirePage('read')
  const query = readQuery(jobListQuery, await searchParams)
  const abilities = { run: abilityOf(who.user.role, 'jobs.run'), edit: abilityOf(who.user.role, 'jobs.edit') }
  const queryClient = getQueryClient()
  await queryClient.prefetchQuery({ ...jobListOptions(query), queryFn: async () => listJobRows(await db(), query) })
  return (
    <div className="mx-auto flex w-full max-w-[1600px] flex-col gap-5 px-4 py-6 md:px-6 xl:px-8">
      <PageHeader
        title="Jobs"
        description="Multiserver jobs: defined once on this master, downloaded and run by each target server they name."
      >
        <div className="flex flex-wrap items-center gap-2">
          <Button asChild variant="outline" size="sm">
            <Link href="/jobs/activity">
              <ActivityIcon aria-hidden />
              Running now
            </Link>
          </Button>
          <NewJobButton ability={abilities.edit} />
        </div>
      </PageHeader>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <JobsTable query={query} abilities={abilities} />
      </HydrationBoundary>
    </div>
  )
}
