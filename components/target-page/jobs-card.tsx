'use client'

import { RelativeTime } from '@/components/format/relative-time'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { TargetJob } from '@/lib/msx/target-jobs'
import { formatDuration } from './format'
import { OutcomeBadge } from './outcome-badge'

function How({ job }: { job: TargetJob }) {
  const ways = [...(job.direct ? ['this server'] : []), ...job.viaGroups.map((g) => `group ${g}`)]
  return <span className="text-muted-foreground">{ways.join(', ') || '—'}</span>
}

export function JobsCard({ jobs }: { jobs: { rows: TargetJob[]; total: number } }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle id="jobs-title">Jobs</CardTitle>
        <CardDescription>
          The multiserver jobs that target this server, and how each last ended on it
          {jobs.total > jobs.rows.length ? ` (the first ${jobs.rows.length} of ${jobs.total}, by name)` : ''}.
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        {jobs.rows.length === 0 ? (
          <p className="px-6 text-sm text-muted-foreground">No job targets this server.</p>
        ) : (
          <Table aria-labelledby="jobs-title">
            <TableHeader>
              <TableRow>
                <TableHead>Job</TableHead>
                <TableHead>Targeted through</TableHead>
                <TableHead>Last outcome</TableHead>
                <TableHead>Last run</TableHead>
                <TableHead className="text-right">Duration</TableHead>
                <TableHead>Message</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {jobs.rows.map((job) => (
                <TableRow key={job.name}>
                  <TableHead scope="row" className="font-medium text-foreground">
                    {job.name}
                  </TableHead>
                  <TableCell>
                    <How job={job} />
                  </TableCell>
                  <TableCell>
                    <OutcomeBadge outcome={job.outcome} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <RelativeTime iso={job.lastRunAt} fallback="Never" />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatDuration(job.durationMs)}</TableCell>
                  <TableCell className="max-w-md truncate" title={job.message ?? undefined}>
                    {job.message || '—'}
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
