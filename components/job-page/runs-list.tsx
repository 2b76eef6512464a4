'use client'

// The History list: the job's runs in a time window, filtered by target and outcome, paged on the server; each run
// opens to its steps, their messages and output, and a failed one offers Start on failed targets.
import { TimerIcon } from 'lucide-react'
import type { Ability } from '@/components/auth/ability'
import { UrlPagination } from '@/components/data-table/url-pagination'
import { useUrlState } from '@/components/data-table/use-url-state'
import { LocalDate, Timestamp } from '@/components/format/relative-time'
import { formatDuration } from '@/components/target-page/format'
import { OutcomeBadge } from '@/components/target-page/outcome-badge'
import { Card, CardContent } from '@/components/ui/card'
import type { JobRunList, RunNoticeView } from '@/lib/msx/job-runs'
import { HistoryToolbar } from './history-toolbar'
import { StartFailedTargets } from './start-failed-targets'
import { StepOutput } from './step-output'

const CHANNEL: Record<string, string> = { email: 'E-mail', pager: 'Pager e-mail', webhook: 'Webhook' }

/** "E-mail to the MSXOperator: sent … (250 OK)", "Webhook …: failed after 10 attempts: HTTP 401 from the webhook". */
function RunNotice({ notice }: { notice: RunNoticeView }) {
  const channel = `${CHANNEL[notice.channel] ?? notice.channel} to the MSXOperator`
  if (notice.state === 'SENT')
    return (
      <>
        {channel}: sent {notice.at && <LocalDate iso={notice.at} style="exact" />}
        {notice.answer && ` (${notice.answer})`}
      </>
    )
  if (notice.state === 'FAILED')
    return (
      <>
        {channel}: failed after {notice.attempts} attempts: {notice.answer}
      </>
    )
  return (
    <>
      {channel}: waiting to be sent
      {notice.attempts > 0 && ` (${notice.attempts} attempts so far: ${notice.answer})`}
      {notice.at && (
        <>
          , next attempt <LocalDate iso={notice.at} style="exact" />
        </>
      )}
    </>
  )
}

export function RunsList({
  jobName,
  canRun,
  list,
  query,
}: {
  jobName: string
  canRun: Ability
  list: JobRunList
  query: { target?: string; group?: string; outcome?: string; from?: string; to?: string }
}) {
  const { update } = useUrlState()
  return (
    <Card className="overflow-hidden">
      <div className="grid gap-2 border-b p-3">
        <HistoryToolbar query={query} groups={list.groups} onChange={update} />
        <p className="text-xs text-muted-foreground">
          Runs started from <LocalDate iso={list.from} /> to <LocalDate iso={list.to} />, newest first.
        </p>
      </div>
      {list.rows.length === 0 ? (
        <CardContent className="py-6">
          <p className="text-sm text-muted-foreground">No run of this job matches, in this window.</p>
        </CardContent>
      ) : (
        <ul className="divide-y" aria-label="Runs">
          {list.rows.map((run) => (
            <li key={`${run.runId}-${run.targetName}`}>
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
                  <OutcomeBadge outcome={run.outcome} />
                  <span className="font-mono text-[13px] font-medium">{run.targetName}</span>
                  <Timestamp iso={run.startedAt} />
                  <span className="text-sm tabular-nums text-muted-foreground">{formatDuration(run.durationMs)}</span>
                  {run.longerThanUsual && (
                    <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-700 dark:text-amber-400">
                      <TimerIcon className="size-3.5" aria-hidden />
                      Longer than usual ({formatDuration(run.usualMs)})
                    </span>
                  )}
                  <span className="min-w-0 flex-1 truncate text-sm text-muted-foreground">{run.message}</span>
                </summary>
                {run.outcome === 'Failed' && (
                  <div className="border-t px-4 py-2">
                    <StartFailedTargets jobName={jobName} ability={canRun} />
                  </div>
                )}
                {run.notifications.length > 0 && (
                  <ul
                    className="grid gap-1 border-t px-4 py-2 text-sm"
                    aria-label={`Notifications of the run on ${run.targetName}`}
                  >
                    {run.notifications.map((n) => (
                      <li key={n.channel} className={n.state === 'FAILED' ? 'text-destructive' : undefined}>
                        <RunNotice notice={n} />
                      </li>
                    ))}
                  </ul>
                )}
                <ol
                  className="grid gap-3 border-t bg-muted/20 px-4 py-3"
                  aria-label={`Steps of the run on ${run.targetName}`}
                >
                  {run.steps.map((step) => (
                    <li key={`${step.stepNumber}-${step.startedAt}`} className="grid gap-1.5">
                      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                        <span className="font-medium">
                          Step {step.stepNumber}: {step.stepName}
                        </span>
                        <OutcomeBadge outcome={step.outcome} />
                        <Timestamp iso={step.startedAt} />
                        <span className="tabular-nums text-muted-foreground">{formatDuration(step.durationMs)}</span>
                        {step.retriesAttempted > 0 && (
                          <span className="text-muted-foreground">{step.retriesAttempted} retries</span>
                        )}
                      </div>
                      {step.message && <p className="text-sm break-words">{step.message}</p>}
                      {step.output && (
                        <StepOutput
                          id={step.id}
                          label={`step ${step.stepNumber} on ${run.targetName}`}
                          output={step.output}
                          outputChars={step.outputChars}
                          outputTruncated={step.outputTruncated}
                        />
                      )}
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      )}
      <UrlPagination noun="runs" list={list} update={update} />
    </Card>
  )
}
