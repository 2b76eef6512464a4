// The editor's page, for a new job or an existing one: breadcrumb, heading and the form with what it offers.
import Link from 'next/link'
import { PageHeader } from '@/components/page-header'
import type { JobEditorData } from '@/lib/msx/job-editor-data'
import { jobHref } from '../jobs/job-href'
import { EDITOR_TABS, type EditorTab } from './editor-types'
import { JobEditor } from './job-editor'

export function JobEditorPage({ data, tab }: { data: JobEditorData; tab: string | undefined }) {
  const existing = data.version === null ? null : data.job.name
  const initialTab: EditorTab = EDITOR_TABS.find((t) => t.id === tab)?.id ?? 'general'
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-5 px-4 py-6 md:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/jobs" className="underline-offset-4 hover:underline">
          Jobs
        </Link>{' '}
        /{' '}
        {existing ? (
          <>
            <Link href={jobHref(existing)} className="underline-offset-4 hover:underline">
              {existing}
            </Link>{' '}
            / <span className="text-foreground">Edit</span>
          </>
        ) : (
          <span className="text-foreground">New job</span>
        )}
      </nav>
      <PageHeader
        title={existing ? `Job Properties - ${existing}` : 'New Job'}
        description={
          existing
            ? `Version ${data.version}. Saving keeps version ${(data.version ?? 0) + 1} and posts it to the job's target servers.`
            : 'A multiserver job: defined here once, downloaded and run by each target server it names.'
        }
      />
      <JobEditor
        existingName={existing}
        version={data.version}
        initial={data.job}
        initialTab={initialTab}
        owner={data.owner}
        categories={data.categories}
        operator={data.operator}
        now={new Date().toISOString()}
        masterTimeZone={data.masterTimeZone}
        zones={data.zones}
      />
    </div>
  )
}
