import type { Metadata } from 'next'
import { NotAllowed } from '@/components/auth/not-allowed'
import { JobEditorPage } from '@/components/job-editor/job-editor-page'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { jobEditorData } from '@/lib/msx/job-editor-data'

export const metadata: Metadata = { title: 'New job' }

export default async function NewJobPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const access = await requirePage('jobs.edit')
  if (!access.allowed) return <NotAllowed title="New job" reason={access.reason} />
  const tab = (await searchParams).tab
  const data = await jobEditorData(await db(), null, access.who.user.name)
  return <JobEditorPage data={data} tab={typeof tab === 'string' ? tab : undefined} />
}
