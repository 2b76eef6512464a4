// Targets: every target server holding the job, how it got it (itself, or a group), and how its last run went.
import Link from 'next/link'
import { Timestamp } from '@/components/format/relative-time'
import { formatDuration } from '@/components/target-page/format'
import { OutcomeBadge } from '@/components/target-page/outcome-badge'
import { targetHref } from '@/components/targets/target-href'
import { Card, CardContent } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { JobDescription } from '@/lib/msx/job-list'

export function TargetsPanel({ job }: { job: JobDescription }) {
  const { servers, groups } = job.definition.targets
  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground">
        Applied to {servers.length ? `target servers ${servers.join(', ')}` : 'no target server by name'}
        {groups.length ? ` and to groups ${groups.join(', ')}` : ''}. Servers that join those groups get the job too.
      </p>
      <Card className="overflow-hidden">
        {job.targets.length === 0 ? (
          <CardContent>
            <p className="text-sm text-muted-foreground">
              No target server holds this job. You must specify the Target Servers on which this multi server job will
              execute: name them or a group in its job file and apply it again.
            </p>
          </CardContent>
        ) : (
          <Table aria-label="Target servers of the job">
            <TableHeader>
              <TableRow>
                <TableHead>Target server</TableHead>
                <TableHead>Applied</TableHead>
                <TableHead>Last outcome</TableHead>
                <TableHead>Last run</TableHead>
                <TableHead className="text-right">Duration</TableHead>
                <TableHead>Message</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {job.targets.map((t) => (
                <TableRow key={t.name}>
                  <TableCell className="font-mono text-[13px] font-medium">
                    <Link href={targetHref(t.name)} className="underline-offset-4 hover:underline">
                      {t.name}
                    </Link>
                  </TableCell>
                  <TableCell className="text-sm">{t.direct ? 'By name' : 'Through a group'}</TableCell>
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
      </Card>
    </div>
  )
}
