'use client'

// The job's target servers, found by name and by the state of its definition on each, paged on the server; a row
// not holding the current version, with nothing waiting, offers Re-post.
import Link from 'next/link'
import type { Ability } from '@/components/auth/ability'
import { ChoiceFilter, ResetFilters } from '@/components/data-table/filters'
import { SearchInput } from '@/components/data-table/search-input'
import { UrlPagination } from '@/components/data-table/url-pagination'
import { type UrlChanges, useUrlState } from '@/components/data-table/use-url-state'
import { Timestamp } from '@/components/format/relative-time'
import { OutcomeMessage } from '@/components/forms/action-outcome'
import { useServerAction } from '@/components/forms/use-server-action'
import { formatDuration } from '@/components/target-page/format'
import { OutcomeBadge } from '@/components/target-page/outcome-badge'
import { targetHref } from '@/components/targets/target-href'
import { Card, CardContent } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { JobTargetList, JobTargetRow, JobTargetState } from '@/lib/msx/job-target-list'
import { repostToTargetAction } from './actions'
import { RepostToTarget } from './repost-to-target'

const NO_TARGET_FILTERS = { target: null, state: null } satisfies UrlChanges

const STATE_LABELS: Record<JobTargetState, string> = {
  current: 'Current version',
  older: 'Older version or none',
  pending: 'Waiting to download',
  error: 'Download failed',
}

function HeldVersion({ row, current }: { row: JobTargetRow; current: number }) {
  if (row.error)
    return (
      <span className="text-sm text-destructive">
        Download failed: {row.error.message}{' '}
        <Link
          href={`/targets/instructions?target=${encodeURIComponent(row.name)}&status=error`}
          className="underline underline-offset-2"
        >
          Instruction {row.error.instructionId}
        </Link>
      </span>
    )
  const holds = row.heldVersion === null ? 'None yet' : `Version ${row.heldVersion}`
  return (
    <span className="text-sm">
      {holds}
      {row.current ? (
        <span className="block text-xs text-muted-foreground">current</span>
      ) : row.pending ? (
        <span className="block text-xs text-muted-foreground">
          {row.pending.operation} of version {row.pending.version ?? current} waits to be downloaded
        </span>
      ) : (
        <span className="block text-xs text-amber-700 dark:text-amber-400">older than version {current}</span>
      )}
    </span>
  )
}

export function TargetsList({
  job,
  version,
  list,
  query,
  canRepost,
}: {
  job: string
  version: number
  list: JobTargetList
  query: { target?: string; state?: string }
  canRepost: Ability
}) {
  const { update } = useUrlState()
  const { run, pending, outcome } = useServerAction()
  const states = (Object.keys(STATE_LABELS) as JobTargetState[]).map((state) => ({
    value: state,
    label: `${STATE_LABELS[state]} (${list.states[state].toLocaleString('en-US')})`,
  }))
  return (
    <Card className="overflow-hidden">
      <div className="flex flex-wrap items-center gap-2 border-b p-3">
        <SearchInput
          label="Target server"
          placeholder="Target server…"
          value={query.target ?? ''}
          onChange={(target) => update({ target })}
          className="w-full sm:w-56"
        />
        <ChoiceFilter
          label="Definition"
          all="Any definition"
          value={query.state}
          options={states}
          onChange={(state) => update({ state })}
          className="w-60"
        />
        <ResetFilters query={query} cleared={NO_TARGET_FILTERS} onChange={update} />
        <OutcomeMessage outcome={outcome} />
      </div>
      {list.rows.length === 0 ? (
        <CardContent className="py-6">
          <p className="text-sm text-muted-foreground">No target server of this job matches.</p>
        </CardContent>
      ) : (
        <Table aria-label="Target servers of the job">
          <TableHeader>
            <TableRow>
              <TableHead>Target server</TableHead>
              <TableHead>Applied</TableHead>
              <TableHead>Definition</TableHead>
              <TableHead>Last outcome</TableHead>
              <TableHead>Last run</TableHead>
              <TableHead className="text-right">Duration</TableHead>
              <TableHead>Message</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.rows.map((t) => (
              <TableRow key={t.name}>
                <TableCell className="font-mono text-[13px] font-medium">
                  <Link href={targetHref(t.name)} className="underline-offset-4 hover:underline">
                    {t.name}
                  </Link>
                </TableCell>
                <TableCell className="text-sm">{t.direct ? 'By name' : 'Through a group'}</TableCell>
                <TableCell className="max-w-xs break-words">
                  <div className="grid justify-items-start gap-1.5">
                    <HeldVersion row={t} current={version} />
                    {!t.current && !t.pending && !t.error && (
                      <RepostToTarget
                        job={job}
                        version={version}
                        target={t.name}
                        ability={canRepost}
                        pending={pending}
                        onConfirm={() => run(() => repostToTargetAction({ name: job, target: t.name }))}
                      />
                    )}
                  </div>
                </TableCell>
                <TableCell>
                  <OutcomeBadge outcome={t.outcome} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {t.lastRunAt ? (
                    <Timestamp iso={t.lastRunAt} stacked />
                  ) : (
                    <span className="text-muted-foreground">Never</span>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatDuration(t.durationMs)}</TableCell>
                <TableCell className="max-w-sm text-sm break-words">{t.message ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <UrlPagination noun="target servers" list={list} update={update} />
    </Card>
  )
}
