import { dehydrate, HydrationBoundary } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { instructionAbilities } from '@/components/instructions/abilities'
import { InstructionsTable } from '@/components/instructions/instructions-table'
import { ManageTargetsHeader } from '@/components/targets/manage-tabs'
import { requirePage } from '@/lib/auth/next/guards'
import { config } from '@/lib/config'
import { db } from '@/lib/db/client'
import { instructionListQuery, listInstructions } from '@/lib/msx/instructions'
import { staleDownloads } from '@/lib/msx/stale-downloads'
import { instructionListOptions } from '@/lib/query/lists'
import { getQueryClient } from '@/lib/query/query-client'
import { readQuery } from '@/lib/query/url'

export const metadata: Metadata = { title: 'Download Instructions' }

export default async function InstructionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { who } = await requirePage('read')
  const query = readQuery(instructionListQuery, await searchParams)
  const queryClient = getQueryClient()
  await queryClient.prefetchQuery({
    ...instructionListOptions(query),
    queryFn: async () => {
      const client = await db()
      const [list, stale] = await Promise.all([listInstructions(client, query), staleDownloads(client)])
      return { ...list, stale }
    },
  })
  return (
    <div className="mx-auto flex w-full max-w-[1600px] flex-col gap-5 px-4 py-6 md:px-6 xl:px-8">
      <ManageTargetsHeader />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <InstructionsTable
          query={query}
          abilities={instructionAbilities(who.user.role)}
          gatewayPort={config().gatewayPort}
        />
      </HydrationBoundary>
    </div>
  )
}
