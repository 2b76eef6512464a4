import { dehydrate, HydrationBoundary } from '@tanstack/react-query'
import { ListChecksIcon } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { abilityOf } from '@/components/auth/ability'
import { RunningTable } from '@/components/jobs-activity/running-table'
import { PageHeader } from '@/components/page-header'
import { Button } from '@/components/ui/button'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { listRunningJobs, runningQuery } from '@/lib/msx/jobs-running'
import { runningListOptions } from '@/lib/query/lists'
import { getQueryClient } from '@/lib/query/query-client'
import { readQuery } from '@/lib/query/url'

export const metadata: Metadata = { title: 'Running now' }

export default async function RunningNowPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { who } = await requirePage('read')
  const query = readQuery(runningQuery, await searchParams)
  const queryClient = getQueryClient()
  await queryClient.prefetchQuery({
    ...runningListOptions(query),
    queryFn: async () => listRunningJobs(await db(), query),
  })
  return (
    <div className="mx-auto flex w-full max-w-[1600px] flex-col gap-5 px-4 py-6 md:px-6 xl:px-8">
      <PageHeader
        title="Running now"
        description="Every run of a multiserver job in progress on the target servers, on the step it is on, as each target last reported it; each measured against its target's usual duration (the p95 of its recent runs of the job)."
      >
        <Button asChild variant="outline" size="sm">
          <Link href="/jobs">
            <ListChecksIcon aria-hidden />
            All jobs
          </Link>
        </Button>
      </PageHeader>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RunningTable query={query} stop={abilityOf(who.user.role, 'jobs.run')} />
      </HydrationBoundary>
    </div>
  )
}
