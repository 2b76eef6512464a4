// History: the job's latest runs on every target, newest first; each opens to its steps and their output.
import { Timestamp } from '@/components/format/relative-time'
import { formatDuration } from '@/components/target-page/format'
import { OutcomeBadge } from '@/components/target-page/outcome-badge'
import { Card, CardContent } from '@/components/ui/card'
import type { JobRun } from '@/lib/msx/job-history'

export function HistoryPanel({ runs }: { runs: JobRun[] }) {
  if (runs.length === 0)
    return (
      <Card>
        <CardContent>
          <p className="text-sm text-muted-foreground">No target server has reported a run of this job yet.</p>
        </CardContent>
      </Card>
    )
  return (
    <ul className="grid gap-2" aria-label="Runs">
      {runs.map((run) => (
        <li key={`${run.runId}-${run.targetName}`}>
          <details className="group rounded-lg border bg-card">
            <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
              <OutcomeBadge outcome={run.outcome} />
              <span className="font-mono text-[13px] font-medium">{run.targetName}</span>
              <Timestamp iso={run.startedAt} />
              <span className="text-sm tabular-nums text-muted-foreground">{formatDuration(run.durationMs)}</span>
              <span className="min-w-0 flex-1 truncate text-sm text-muted-foreground">{run.message}</span>
            </summary>
            <ol className="grid gap-3 border-t px-4 py-3" aria-label={`Steps of the run on ${run.targetName}`}>
              {run.steps.map((step) => (
                <li key={`${step.stepNumber}-${step.startedAt}`} className="grid gap-1.5">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <span className="font-medium">
                      Step {step.stepNumber}: {step.stepName}
                    </span>
                    <OutcomeBadge outcome={step.outcome} />
                    <span className="tabular-nums text-muted-foreground">{formatDuration(step.durationMs)}</span>
                    {step.retriesAttempted > 0 && (
                      <span className="text-muted-foreground">{step.retriesAttempted} retries</span>
                    )}
                  </div>
                  {step.message && <p className="text-sm break-words">{step.message}</p>}
                  {step.output && (
                    <pre className="max-h-60 overflow-auto rounded bg-muted/60 p-2 font-mono text-xs whitespace-pre-wrap break-words dark:bg-black/30">
                      {step.output}
                    </pre>
                  )}
                </li>
              ))}
            </ol>
          </details>
        </li>
      ))}
    </ul>
  )
}
