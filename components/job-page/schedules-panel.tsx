// Schedules: each in words, with its start and end dates and its next five runs by the master's clock (shown in the
// browser's time zone).
import { LocalDate } from '@/components/format/relative-time'
import { Badge } from '@/components/ui/badge'
import { Card, CardContent } from '@/components/ui/card'
import { describeCron } from '@/lib/msx/cron'
import type { JobDescription } from '@/lib/msx/job-list'
import { nextScheduleRuns } from '@/lib/msx/schedule-times'

export function SchedulesPanel({ job, now }: { job: JobDescription; now: Date }) {
  const schedules = job.definition.schedules ?? []
  if (schedules.length === 0)
    return (
      <Card>
        <CardContent>
          <p className="text-sm text-muted-foreground">
            This job has no schedule: it runs only when started (Start on the Jobs list, or START posted to its
            targets).
          </p>
        </CardContent>
      </Card>
    )
  return (
    <div className="grid gap-4">
      {job.pausedUntil && (
        <p className="text-sm">
          The schedules are paused until <LocalDate iso={job.pausedUntil} />: no scheduled run fires before then.
        </p>
      )}
      <ul className="grid gap-4" aria-label="Schedules">
        {schedules.map((s) => {
          const runs = nextScheduleRuns(
            { cron: s.cron ?? null, runAt: s.runAt, startsAt: s.startsAt, endsAt: s.endsAt },
            5,
            now,
            job.pausedUntil,
          )
          return (
            <li key={s.name}>
              <Card>
                <CardContent className="grid gap-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-semibold">{s.name}</h3>
                    {s.enabled === false ? (
                      <Badge variant="outline">Disabled</Badge>
                    ) : (
                      <Badge variant="green">Enabled</Badge>
                    )}
                  </div>
                  <p className="text-sm">
                    {s.cron ? (
                      <>
                        {describeCron(s.cron)}{' '}
                        <code className="ml-1 font-mono text-xs text-muted-foreground">{s.cron}</code>
                      </>
                    ) : s.runAt ? (
                      <>
                        Once, at <LocalDate iso={new Date(s.runAt).toISOString()} />
                      </>
                    ) : null}
                  </p>
                  {s.startsAt || s.endsAt ? (
                    <p className="text-sm">
                      {s.startsAt ? (
                        <>
                          <span className="text-muted-foreground">Starts </span>
                          <LocalDate iso={new Date(s.startsAt).toISOString()} />
                        </>
                      ) : null}
                      {s.startsAt && s.endsAt ? <span className="text-muted-foreground">, </span> : null}
                      {s.endsAt ? (
                        <>
                          <span className="text-muted-foreground">{s.startsAt ? 'ends ' : 'Ends '}</span>
                          <LocalDate iso={new Date(s.endsAt).toISOString()} />
                        </>
                      ) : null}
                    </p>
                  ) : null}
                  {runs.length > 0 ? (
                    <div className="text-sm">
                      <span className="text-muted-foreground">Next runs: </span>
                      {runs.map((r, i) => (
                        <span key={r.toISOString()}>
                          {i > 0 && ', '}
                          <LocalDate iso={r.toISOString()} />
                        </span>
                      ))}
                    </div>
                  ) : (
                    <p className="text-sm text-muted-foreground">It will not run again.</p>
                  )}
                </CardContent>
              </Card>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
