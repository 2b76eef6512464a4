import { dehydrate, HydrationBoundary } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { NotAllowed } from '@/components/auth/not-allowed'
import { targetPageAbilities } from '@/components/target-page/abilities'
import { TargetPage } from '@/components/target-page/target-page'
import { postAbilities, targetAbilities } from '@/components/targets/abilities'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { isMsxError } from '@/lib/msx/errors'
import { listJobs } from '@/lib/msx/job-list'
import { serverName } from '@/lib/msx/names'
import { targetDetails } from '@/lib/msx/target-details'
import { targetDetailsOptions } from '@/lib/query/lists'
import { getQueryClient } from '@/lib/query/query-client'

type Params = { params: Promise<{ name: string }> }

// a server name holds no "%", so decoding a name Next has decoded already changes nothing
function readName(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** What no target can be named (a path trick, a typo) is not found, before and whoever asks. */
function serverNameOr404(segment: string): string {
  const parsed = serverName.safeParse(readName(segment))
  if (!parsed.success) notFound()
  return parsed.data
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: readName((await params).name) }
}

export default async function TargetServerPage({ params }: Params) {
  const name = serverNameOr404((await params).name)
  const access = await requirePage('read')
  if (!access.allowed) return <NotAllowed title={name} reason={access.reason} />
  const queryClient = getQueryClient()
  try {
    await queryClient.fetchQuery({
      ...targetDetailsOptions(name),
      queryFn: async () => targetDetails(await db(), name),
      retry: false,
    })
  } catch (error) {
    if (isMsxError(error) && error.code === 'not_found') notFound()
    throw error
  }
  const role = access.who.user.role
  const actions = {
    abilities: targetAbilities(role),
    postAbilities: postAbilities(role),
    jobs: (await listJobs(await db())).map((job) => job.name),
  }
  return (
    <div className="mx-auto flex w-full max-w-[1600px] flex-col gap-5 px-4 py-6 md:px-6 xl:px-8">
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TargetPage name={name} abilities={targetPageAbilities(role)} actions={actions} />
      </HydrationBoundary>
    </div>
  )
}
