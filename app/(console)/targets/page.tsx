import { dehydrate, HydrationBoundary } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import { hiddenColumnsCookie, parseHiddenColumns } from '@/components/data-table/hidden-columns'
import { PendingRequests } from '@/components/enlistment/pending-requests'
import { postAbilities, targetAbilities } from '@/components/targets/abilities'
import { TARGET_COLUMNS_TABLE } from '@/components/targets/column-choice'
import { enlistHints } from '@/components/targets/enlist-hints'
import { EnlistTargetDialog } from '@/components/targets/enlist-target-dialog'
import { ManageTargetsHeader } from '@/components/targets/manage-tabs'
import { TargetsTable } from '@/components/targets/targets-table'
import { WizardCallToAction } from '@/components/wizard/wizard-call-to-action'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { listPendingRequestRows } from '@/lib/msx/enlistment-request-list'
import { listGroups } from '@/lib/msx/groups'
import { listJobs } from '@/lib/msx/job-list'
import { listTargets, targetListQuery } from '@/lib/msx/target-list'
import { wizardSuggested } from '@/lib/msx/wizard'
import { pendingRequestsOptions, targetListOptions } from '@/lib/query/lists'
import { getQueryClient } from '@/lib/query/query-client'
import { readQuery } from '@/lib/query/url'

export const metadata: Metadata = { title: 'Manage Target Servers' }

export default async function TargetsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { who } = await requirePage('read')
  const query = readQuery(targetListQuery, await searchParams)
  const queryClient = getQueryClient()
  const [hints, groups, jobs, wizard] = await Promise.all([
    enlistHints(),
    db().then((client) => listGroups(client)),
    db().then(listJobs),
    db().then(wizardSuggested),
    queryClient.prefetchQuery({ ...targetListOptions(query), queryFn: async () => listTargets(await db(), query) }),
    queryClient.prefetchQuery({ ...pendingRequestsOptions(), queryFn: async () => listPendingRequestRows(await db()) }),
  ])
  const abilities = targetAbilities(who.user.role)
  const hiddenColumns = parseHiddenColumns((await cookies()).get(hiddenColumnsCookie(TARGET_COLUMNS_TABLE))?.value)
  return (
    <div className="mx-auto flex w-full max-w-[1600px] flex-col gap-5 px-4 py-6 md:px-6 xl:px-8">
      <ManageTargetsHeader>
        <EnlistTargetDialog hints={hints} tokens={abilities.createToken} />
      </ManageTargetsHeader>
      {wizard.suggested && <WizardCallToAction dismantled={wizard.dismantled} />}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PendingRequests ability={abilities.enlist} />
        <TargetsTable
          query={query}
          groups={groups.map((g) => g.name)}
          hints={hints}
          abilities={abilities}
          postAbilities={postAbilities(who.user.role)}
          jobs={jobs.map((job) => job.name)}
          hiddenColumns={hiddenColumns}
        />
      </HydrationBoundary>
    </div>
  )
}
