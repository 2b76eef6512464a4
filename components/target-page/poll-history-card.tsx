'use client'

import { LocalDate } from '@/components/format/relative-time'
import { formatClockSkew, formatPollInterval } from '@/components/targets/format'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { POLL_METRICS, type PollHistory, type PollMetric } from '@/lib/msx/poll-metrics'
import { PollChart } from './poll-chart'

const METRICS: Record<PollMetric, { title: string; format: (value: number) => string }> = {
  pollIntervalSeconds: { title: 'Poll interval', format: formatPollInterval },
  clockSkewMs: { title: 'Clock skew', format: formatClockSkew },
  spoolDepth: { title: 'Spool depth', format: (n) => n.toLocaleString('en-US') },
}

// a sample taken before the target reported its clock has no skew
const cell = (metric: PollMetric, value: number | null) => (value === null ? '—' : METRICS[metric].format(value))

export function PollHistoryCard({ polls }: { polls: PollHistory }) {
  const { samples, summary } = polls
  return (
    <Card>
      <CardHeader>
        <CardTitle id="polls-title">Polls</CardTitle>
        <CardDescription>One sample every few minutes over the last {polls.hours} h.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {samples.length === 0 ? (
          <p className="text-sm text-muted-foreground">No poll in the last {polls.hours} h.</p>
        ) : (
          <>
            {POLL_METRICS.map((metric) => (
              <PollChart
                key={metric}
                samples={samples}
                metric={metric}
                title={METRICS[metric].title}
                summary={summary[metric]}
                format={METRICS[metric].format}
              />
            ))}
            <details className="text-sm">
              <summary className="cursor-pointer text-muted-foreground">The samples as a table</summary>
              <Table aria-labelledby="polls-title" className="mt-2">
                <TableHeader>
                  <TableRow>
                    <TableHead>At</TableHead>
                    {POLL_METRICS.map((metric) => (
                      <TableHead key={metric} className="text-right">
                        {METRICS[metric].title}
                      </TableHead>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {[...samples].reverse().map((s) => (
                    <TableRow key={s.at}>
                      <TableCell className="whitespace-nowrap tabular-nums" suppressHydrationWarning>
                        <LocalDate iso={s.at} style="dayMinute" />
                      </TableCell>
                      {POLL_METRICS.map((metric) => (
                        <TableCell key={metric} className="text-right tabular-nums">
                          {cell(metric, s[metric])}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </details>
          </>
        )}
      </CardContent>
    </Card>
  )
}
