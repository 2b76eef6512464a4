import { dehydrate, HydrationBoundary } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import { ActivityTable } from '@/components/activity/activity-table'
import { ACTIVITY_COLUMNS_TABLE } from '@/components/activity/column-choice'
import { hiddenColumnsCookie, parseHiddenColumns } from '@/components/data-table/hidden-columns'
import { PageHeader } from '@/components/page-header'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { auditListQuery, listAuditEvents } from '@/lib/msx/audit-list'
import { auditListOptions } from '@/lib/query/lists'
import { getQueryClient } from '@/lib/query/query-client'
import { readQuery } from '@/lib/query/url'

export const metadata: Metadata = { title: 'Activity' }

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  await requirePage('read')
  const query = readQuery(auditListQuery, await searchParams)
  const queryClient = getQueryClient()
  const hiddenColumns = parseHiddenColumns((await cookies()).get(hiddenColumnsCookie(ACTIVITY_COLUMNS_TABLE))?.value)
  await queryClient.prefetchQuery({
    ...auditListOptions(query),
    queryFn: async () => listAuditEvents(await db(), query),
  })
  return (
    <div className="mx-auto flex w-full max-w-[1600px] flex-col gap-5 px-4 py-6 md:px-6 xl:px-8">
      <PageHeader
        title="Activity"
        description="The activity log of this master, newest first: every change, who made it and from where."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ActivityTable query={query} hiddenColumns={hiddenColumns} />
      </HydrationBoundary>
    </div>
  )
}
