'use client'

import { format } from 'date-fns'
import { formatClockSkew, formatPollInterval } from '@/components/targets/format'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { PollHistory } from '@/lib/msx/poll-history'
import { PollChart } from './poll-chart'

const count = (n: number) => n.toLocaleString('en-US')

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
            <PollChart
              samples={samples}
              metric="pollIntervalSeconds"
              title="Poll interval"
              summary={summary.pollIntervalSeconds}
              format={formatPollInterval}
            />
            <PollChart
              samples={samples}
              metric="clockSkewMs"
              title="Clock skew"
              summary={summary.clockSkewMs}
              format={formatClockSkew}
            />
            <PollChart
              samples={samples}
              metric="spoolDepth"
              title="Spool depth"
              summary={summary.spoolDepth}
              format={count}
            />
            <details className="text-sm">
              <summary className="cursor-pointer text-muted-foreground">The samples as a table</summary>
              <Table aria-labelledby="polls-title" className="mt-2">
                <TableHeader>
                  <TableRow>
                    <TableHead>At</TableHead>
                    <TableHead className="text-right">Poll interval</TableHead>
                    <TableHead className="text-right">Clock skew</TableHead>
                    <TableHead className="text-right">Spool depth</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {[...samples].reverse().map((s) => (
                    <TableRow key={s.at}>
                      <TableCell className="whitespace-nowrap tabular-nums" suppressHydrationWarning>
                        {format(new Date(s.at), 'd MMM HH:mm')}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">
                        {formatPollInterval(s.pollIntervalSeconds)}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{formatClockSkew(s.clockSkewMs)}</TableCell>
                      <TableCell className="text-right tabular-nums">{count(s.spoolDepth)}</TableCell>
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
