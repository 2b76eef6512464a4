import { dehydrate, HydrationBoundary } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { abilityOf } from '@/components/auth/ability'
import { GroupsView } from '@/components/groups/groups-view'
import { PageHeader } from '@/components/page-header'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { listGroupRows } from '@/lib/msx/group-list'
import { listTargets, targetListQuery } from '@/lib/msx/target-list'
import { groupListOptions, targetListOptions } from '@/lib/query/lists'
import { getQueryClient } from '@/lib/query/query-client'
import { readQuery } from '@/lib/query/url'

export const metadata: Metadata = { title: 'Target server groups' }

export default async function GroupsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { who } = await requirePage('read')
  // the members list is the target list filtered by the chosen group, so it shares its keys and JSON read
  const query = readQuery(targetListQuery, await searchParams)
  const queryClient = getQueryClient()
  await Promise.all([
    queryClient.prefetchQuery({ ...groupListOptions(), queryFn: async () => listGroupRows(await db()) }),
    query.group &&
      queryClient.prefetchQuery({ ...targetListOptions(query), queryFn: async () => listTargets(await db(), query) }),
  ])
  return (
    <div className="mx-auto flex w-full max-w-[1600px] flex-col gap-5 px-4 py-6 md:px-6 xl:px-8">
      <PageHeader
        title="Target server groups"
        description="Named sets of target servers: a job that targets a group runs on each of its members, and follows them as they join or leave."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <GroupsView query={query} ability={abilityOf(who.user.role, 'groups.edit')} />
      </HydrationBoundary>
    </div>
  )
}
