import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { NotAllowed } from '@/components/auth/not-allowed'
import { JobEditorPage } from '@/components/job-editor/job-editor-page'
import { readJobName } from '@/components/jobs/job-href'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { isMsxError } from '@/lib/msx/errors'
import { jobEditorData } from '@/lib/msx/job-editor-data'

type Props = {
  params: Promise<{ name: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit ${readJobName((await params).name)}` }
}

export default async function EditJobPage({ params, searchParams }: Props) {
  const name = readJobName((await params).name)
  const access = await requirePage('jobs.edit')
  if (!access.allowed) return <NotAllowed title={name} reason={access.reason} />
  const tab = (await searchParams).tab
  const data = await jobEditorData(await db(), name, access.who.user.name).catch((error) => {
    if (isMsxError(error) && error.code === 'not_found') notFound()
    throw error
  })
  return <JobEditorPage data={data} tab={typeof tab === 'string' ? tab : undefined} />
}
