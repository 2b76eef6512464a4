import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { type Ability, abilityOf } from '@/components/auth/ability'
import { FlashMessage } from '@/components/job-editor/flash'
import { GeneralPanel } from '@/components/job-page/general-panel'
import { HistoryPanel } from '@/components/job-page/history-panel'
import { JobPageActions } from '@/components/job-page/job-page-actions'
import { JOB_TABS, type JobTab } from '@/components/job-page/job-tab-ids'
import { JobTabs } from '@/components/job-page/job-tabs'
import { MissedRunsPanel } from '@/components/job-page/missed-runs-panel'
import { NotificationsPanel } from '@/components/job-page/notifications-panel'
import { SchedulesPanel } from '@/components/job-page/schedules-panel'
import { StepsPanel } from '@/components/job-page/steps-panel'
import { TargetsPanel } from '@/components/job-page/targets-panel'
import { VersionsPanel } from '@/components/job-page/versions-panel'
import { jobHref, readJobName } from '@/components/jobs/job-href'
import { RefreshOnChange } from '@/components/live/refresh-on-change'
import { PageHeader } from '@/components/page-header'
import { requirePage } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { isMsxError } from '@/lib/msx/errors'
import { jobDurationChart } from '@/lib/msx/job-durations'
import { describeJob } from '@/lib/msx/job-list'
import { jobRunGrid, jobRunsQuery, listJobRuns } from '@/lib/msx/job-runs'
import { jobTargetsQuery, listJobTargets } from '@/lib/msx/job-target-list'
import { diffJobVersions, listJobVersions } from '@/lib/msx/job-version-list'
import { listMissedRuns, missedRunsQuery } from '@/lib/msx/missed-run-list'
import { readOperator } from '@/lib/msx/operator'
import { readQuery } from '@/lib/query/url'

type Props = {
  params: Promise<{ name: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: readJobName((await params).name) }
}

export default async function JobPage({ params, searchParams }: Props) {
  const name = readJobName((await params).name)
  const { who } = await requirePage('read')
  const search = await searchParams
  const tabParam = search.tab
  const tab: JobTab = JOB_TABS.find((t) => t.id === tabParam)?.id ?? 'general'
  const database = await db()
  const job = await describeJob(database, name).catch((error) => {
    if (isMsxError(error) && error.code === 'not_found') notFound()
    throw error
  })
  const abilities = { run: abilityOf(who.user.role, 'jobs.run'), edit: abilityOf(who.user.role, 'jobs.edit') }
  const d = job.definition
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-5 px-4 py-6 md:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/jobs" className="underline-offset-4 hover:underline">
          Jobs
        </Link>{' '}
        / <span className="text-foreground">{d.name}</span>
      </nav>
      <PageHeader
        title={d.name}
        description={`${d.description ? `${d.description} · ` : ''}Version ${job.version} · ${job.targets.length} target server${job.targets.length === 1 ? '' : 's'}${d.enabled === false ? ' · Disabled' : ''}${job.pausedUntil ? ' · Schedules paused' : ''}`}
      />
      <FlashMessage />
      <RefreshOnChange topic="jobs" />
      <JobPageActions
        name={d.name}
        enabled={d.enabled !== false}
        paused={job.pausedUntil !== null}
        steps={d.steps}
        targetCount={job.targets.length}
        abilities={abilities}
        editTab={tab}
      />
      <JobTabs href={jobHref(d.name)} current={tab} />
      {tab === 'general' && <GeneralPanel job={job} />}
      {tab === 'steps' && <StepsPanel job={job} />}
      {tab === 'schedules' && <SchedulesPanel job={job} now={new Date()} />}
      {tab === 'targets' && (await targetsOf(database, job, search, abilities.edit))}
      {tab === 'notifications' && <NotificationsPanel job={job} operator={await readOperator(database)} />}
      {tab === 'history' && (await historyOf(database, d.name, search, abilities.run))}
      {tab === 'missed' && (await missedOf(database, d.name, search))}
      {tab === 'versions' && (await versionsOf(database, d.name, search))}
    </div>
  )
}

async function historyOf(
  database: Awaited<ReturnType<typeof db>>,
  job: string,
  search: Record<string, string | string[] | undefined>,
  canRun: Ability,
) {
  const query = readQuery(jobRunsQuery, search)
  const [grid, chart, list] = await Promise.all([
    jobRunGrid(database, job),
    jobDurationChart(database, job, query),
    listJobRuns(database, job, query),
  ])
  return <HistoryPanel job={job} canRun={canRun} grid={grid.rows} chart={chart} list={list} query={query} />
}

async function targetsOf(
  database: Awaited<ReturnType<typeof db>>,
  job: Awaited<ReturnType<typeof describeJob>>,
  search: Record<string, string | string[] | undefined>,
  canRepost: Ability,
) {
  const query = readQuery(jobTargetsQuery, search)
  const list = await listJobTargets(database, job.definition.name, query)
  return <TargetsPanel job={job} list={list} query={query} canRepost={canRepost} />
}

async function missedOf(
  database: Awaited<ReturnType<typeof db>>,
  job: string,
  search: Record<string, string | string[] | undefined>,
) {
  const query = readQuery(missedRunsQuery, { ...search, job })
  return <MissedRunsPanel list={await listMissedRuns(database, query)} query={query} />
}

async function versionsOf(
  database: Awaited<ReturnType<typeof db>>,
  job: string,
  search: Record<string, string | string[] | undefined>,
) {
  const versions = await listJobVersions(database, job)
  const [from, to] = [Number(search.from), Number(search.to)]
  const known = (v: number) => versions.some((k) => k.version === v)
  const diff = known(from) && known(to) ? await diffJobVersions(database, job, from, to) : null
  return <VersionsPanel jobName={job} versions={versions} diff={diff} href={jobHref(job)} />
}
