'use client'

import { Timestamp } from '@/components/format/relative-time'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { TargetHistoryRow } from '@/lib/msx/target-jobs'
import { formatDuration } from './format'
import { OutcomeBadge } from './outcome-badge'

export function HistoryCard({ history }: { history: TargetHistoryRow[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle id="history-title">Job history</CardTitle>
        <CardDescription>
          The latest {history.length || ''} job and step outcomes this server uploaded, newest first.
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        {history.length === 0 ? (
          <p className="px-6 text-sm text-muted-foreground">This server has uploaded no outcome yet.</p>
        ) : (
          <Table aria-labelledby="history-title">
            <TableHeader>
              <TableRow>
                <TableHead>Outcome</TableHead>
                <TableHead>Job</TableHead>
                <TableHead>Step</TableHead>
                <TableHead>Started</TableHead>
                <TableHead className="text-right">Duration</TableHead>
                <TableHead>Message</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>
                    <OutcomeBadge outcome={row.outcome} />
                  </TableCell>
                  <TableCell className="font-medium">{row.jobName}</TableCell>
                  <TableCell>
                    {row.stepNumber === 0 ? (
                      <span className="text-muted-foreground">(job outcome)</span>
                    ) : (
                      `${row.stepNumber}. ${row.stepName}`
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <Timestamp iso={row.startedAt} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatDuration(row.durationMs)}</TableCell>
                  <TableCell className="max-w-md truncate" title={row.message}>
                    {row.message || '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  )
}
