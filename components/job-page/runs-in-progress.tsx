'use client'

// History's runs in progress: the job's runs still going on its targets, on their current step, elapsed ticking,
// refreshed live like Running now (which lists every job's).
import Link from 'next/link'
import { Timestamp } from '@/components/format/relative-time'
import { Elapsed } from '@/components/jobs-activity/elapsed'
import { CurrentStep } from '@/components/jobs-activity/running-columns'
import { useRunningList } from '@/components/live/live-queries'
import { targetHref } from '@/components/targets/target-href'
import { Card, CardContent } from '@/components/ui/card'
import { nameKey } from '@/lib/msx/names'

export function RunsInProgress({ job }: { job: string }) {
  const { data, dataUpdatedAt } = useRunningList({ job, page: 1, pageSize: 500 })
  // the filter matches part of a name: keep this job's runs only
  const runs = data?.rows.filter((r) => nameKey(r.job) === nameKey(job)) ?? []
  if (runs.length === 0) return null
  return (
    <Card className="overflow-hidden">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b px-4 py-3">
        <h2 className="text-base font-semibold">In progress</h2>
        <Link href={`/jobs/activity?job=${encodeURIComponent(job)}`} className="text-sm underline underline-offset-2">
          Running now
        </Link>
      </div>
      <CardContent className="p-0">
        <ul className="divide-y" aria-label="Runs in progress">
          {runs.map((run) => (
            <li key={run.runId} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
              <Link
                href={targetHref(run.target)}
                className="font-mono text-[13px] font-medium underline-offset-4 hover:underline"
              >
                {run.target}
              </Link>
              <CurrentStep run={run} />
              <span className="text-muted-foreground">
                started <Timestamp iso={run.startedAt} />
              </span>
              <Elapsed elapsedMs={run.elapsedMs} readAt={dataUpdatedAt} usualMs={run.usualMs} />
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  )
}
