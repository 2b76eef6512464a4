// Targets: every target server holding the job, how it got it (itself, or a group), and how its last run went.
import Link from 'next/link'
import { Timestamp } from '@/components/format/relative-time'
import { formatDuration } from '@/components/target-page/format'
import { OutcomeBadge } from '@/components/target-page/outcome-badge'
import { targetHref } from '@/components/targets/target-href'
import { Card, CardContent } from '@/components/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import type { JobDescription } from '@/lib/msx/job-list'
import type { JobTargetVersion } from '@/lib/msx/job-target-versions'

function HeldVersion({ held, current }: { held: JobTargetVersion | undefined; current: number }) {
  if (!held) return <span className="text-muted-foreground">—</span>
  if (held.error)
    return (
      <span className="text-sm text-destructive">
        Download failed: {held.error.message}{' '}
        <Link
          href={`/targets/instructions?target=${encodeURIComponent(held.target)}&status=error`}
          className="underline underline-offset-2"
        >
          Instruction {held.error.instructionId}
        </Link>
      </span>
    )
  const holds = held.heldVersion === null ? 'None yet' : `Version ${held.heldVersion}`
  return (
    <span className="text-sm">
      {holds}
      {held.current ? (
        <span className="block text-xs text-muted-foreground">current</span>
      ) : held.pending ? (
        <span className="block text-xs text-muted-foreground">
          {held.pending.operation} of version {held.pending.version ?? current} waits to be downloaded
        </span>
      ) : (
        <span className="block text-xs text-amber-700 dark:text-amber-400">older than version {current}</span>
      )}
    </span>
  )
}

export function TargetsPanel({ job, versions }: { job: JobDescription; versions: JobTargetVersion[] }) {
  const byTarget = new Map(versions.map((v) => [v.target, v]))
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
                <TableHead>Definition</TableHead>
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
                  <TableCell className="max-w-xs break-words">
                    <HeldVersion held={byTarget.get(t.name)} current={job.version} />
                  </TableCell>
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
