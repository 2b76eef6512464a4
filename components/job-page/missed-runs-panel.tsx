'use client'

// Missed runs: each schedule's runs that did not happen on a target, or started late, with the reason found at the
// time; newest due time first, filtered by target, reason and window, paged on the server.
import { UrlPagination } from '@/components/data-table/url-pagination'
import { useUrlState } from '@/components/data-table/use-url-state'
import { useFormatDate } from '@/components/format/date-locale'
import { Timestamp } from '@/components/format/relative-time'
import { Badge } from '@/components/ui/badge'
import { Card, CardContent } from '@/components/ui/card'
import type { MissedRunList } from '@/lib/msx/missed-run-list'
import { MISSED_REASON_LABELS, type MissedReason, missedRunSentence } from '@/lib/msx/missed-run-words'
import { MissedRunsToolbar } from './missed-runs-toolbar'

const WINDOW_WORDS: Record<string, string> = {
  day: 'in the last 24 hours',
  week: 'in the last 7 days',
  all: 'as long as job history keeps them',
}

export function MissedRunsPanel({
  list,
  query,
}: {
  list: MissedRunList
  query: { target?: string; reason?: string; window: string }
}) {
  const { update } = useUrlState()
  const formatDate = useFormatDate()
  const at = (iso: string) => formatDate('dateTime', iso)
  return (
    <Card className="overflow-hidden">
      <div className="grid gap-2 border-b p-3">
        <MissedRunsToolbar query={query} targets={list.targets} onChange={update} />
        <p className="text-xs text-muted-foreground">
          Scheduled runs that did not happen on a target, or started more than a minute late, due{' '}
          {WINDOW_WORDS[query.window] ?? WINDOW_WORDS.day}, newest first. The master checks each due time once the
          target's poll interval and a minute have passed.
        </p>
      </div>
      {list.rows.length === 0 ? (
        <CardContent className="py-6">
          <p className="text-sm text-muted-foreground">No missed run of this job matches, in this window.</p>
        </CardContent>
      ) : (
        <ul className="divide-y" aria-label="Missed runs">
          {list.rows.map((run) => (
            <li
              key={`${run.schedule}-${run.target}-${run.dueAt}`}
              className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(0,12rem)_minmax(0,10rem)_minmax(0,14rem)_1fr] sm:items-baseline sm:gap-4"
            >
              <span className="font-mono text-[13px] font-medium break-all">{run.target}</span>
              <span className="text-sm">
                <span className="sr-only">Schedule </span>
                {run.schedule}
              </span>
              <span className="text-sm">
                <span className="sr-only">Due at </span>
                <Timestamp iso={run.dueAt} stacked />
              </span>
              <span className="grid gap-1 text-sm">
                <span>
                  <Badge variant={run.reason === 'late' || run.reason === 'paused' ? 'gray' : 'amber'}>
                    {MISSED_REASON_LABELS[run.reason as MissedReason] ?? run.reason}
                  </Badge>
                </span>
                <span className="break-words">{missedRunSentence(run, at)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <UrlPagination noun="missed runs" list={list} update={update} />
    </Card>
  )
}
