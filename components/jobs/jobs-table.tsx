'use client'

import { ListChecksIcon, SearchXIcon } from 'lucide-react'
import { DataTable } from '@/components/data-table/data-table'
import { ListError, ListLoading, PastLastPage } from '@/components/data-table/list-states'
import { LiveIndicator } from '@/components/data-table/live-indicator'
import { UrlPagination } from '@/components/data-table/url-pagination'
import { useRowSelection } from '@/components/data-table/use-row-selection'
import { useUrlState } from '@/components/data-table/use-url-state'
import { useJobList } from '@/components/live/live-queries'
import { useLiveRefresh } from '@/components/live/refresh-context'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { CodeBlock } from '@/components/ui/code-block'
import { EmptyState } from '@/components/ui/empty-state'
import type { JobListParams } from '@/lib/query/keys'
import { jobColumns } from './columns'
import { type JobAbilities, JobActions } from './job-actions'
import { hasJobFilters, JobsToolbar } from './jobs-toolbar'
import { NewJobButton } from './new-job-button'

/** The first job: what a multiserver job is, and the two ways to define one. */
function FirstJob({ abilities }: { abilities: JobAbilities }) {
  return (
    <Card>
      <EmptyState
        icon={ListChecksIcon}
        title="No multiserver jobs yet"
        action={<NewJobButton ability={abilities.edit} />}
      >
        <p>
          A multiserver job is defined once on this master and downloaded by each target server it names, which runs it
          on its schedules and reports every outcome here. Create one with New job, or write its definition in a job
          file (
          <a className="underline underline-offset-2" href="/api/docs/job-file">
            the job file's reference, docs/job-file.md
          </a>
          ) and apply it:
        </p>
        <CodeBlock
          className="mt-3 text-left"
          label="job apply command"
          code="npx msx job apply --file nightly-vacuum.yaml"
        />
      </EmptyState>
    </Card>
  )
}

/** Jobs: every multiserver job with its targets and last outcomes, filtered, sorted and paged on the server. */
export function JobsTable({ query, abilities }: { query: JobListParams; abilities: JobAbilities }) {
  const { update, isPending } = useUrlState()
  const { intervalMs } = useLiveRefresh()
  const { data, error, isFetching, dataUpdatedAt, refetch } = useJobList(query)
  const selection = useRowSelection(data?.rows.map((r) => r.name) ?? [])
  const filtered = hasJobFilters(query)

  if (!data) return error ? <ListError error={error} onRetry={() => refetch()} /> : <ListLoading />
  if (data.total === 0 && !filtered) return <FirstJob abilities={abilities} />
  return (
    <Card className="overflow-hidden">
      <div className="border-b p-3">
        <JobsToolbar query={query} categories={data.categories} onChange={update}>
          <LiveIndicator
            updatedAt={dataUpdatedAt}
            fetching={isFetching || isPending}
            intervalMs={intervalMs}
            error={error}
          />
        </JobsToolbar>
      </div>
      <div className="border-b px-3 py-2">
        <JobActions names={selection.selected} abilities={abilities} onDone={() => selection.clear()} />
      </div>
      {data.rows.length > 0 ? (
        <DataTable
          label="Jobs"
          columns={jobColumns}
          rows={data.rows}
          rowKey={(row) => row.name}
          sort={{ sort: query.sort, dir: query.dir }}
          onSort={({ sort, dir }) => update({ sort, dir })}
          busy={isPending}
          selection={{
            isSelected: (row) => selection.has(row.name),
            onToggle: (row, on) => selection.toggle([row.name], on),
            onToggleAll: (on) =>
              selection.toggle(
                data.rows.map((r) => r.name),
                on,
              ),
            label: (row) => row.name,
            allLabel: 'Select all jobs on this page',
          }}
        />
      ) : data.total === 0 ? (
        <EmptyState
          icon={SearchXIcon}
          title="No jobs match"
          action={
            <Button
              variant="outline"
              onClick={() => update({ search: null, category: null, enabled: null, outcome: null })}
            >
              Clear filters
            </Button>
          }
        >
          <p>No multiserver job matches these filters.</p>
        </EmptyState>
      ) : (
        <PastLastPage page={data.page} onFirstPage={() => update({ page: null })} />
      )}
      <UrlPagination noun="jobs" list={data} update={update} />
    </Card>
  )
}
