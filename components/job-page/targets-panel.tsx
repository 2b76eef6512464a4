// Targets: the target servers holding the job, a page at a time (how each got it, the definition it holds, how its
// last run went), after the groups and servers it is applied to.
import type { Ability } from '@/components/auth/ability'
import { Card, CardContent } from '@/components/ui/card'
import type { JobDescription } from '@/lib/msx/job-list'
import type { JobTargetList } from '@/lib/msx/job-target-list'
import { TargetsList } from './targets-list'

export function TargetsPanel({
  job,
  list,
  query,
  canRepost,
}: {
  job: JobDescription
  list: JobTargetList
  query: { target?: string; state?: string }
  canRepost: Ability
}) {
  const { servers, groups } = job.definition.targets
  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground">
        Applied to {servers.length ? `target servers ${servers.join(', ')}` : 'no target server by name'}
        {groups.length ? ` and to groups ${groups.join(', ')}` : ''}. Servers that join those groups get the job too.
      </p>
      {job.targets.length === 0 ? (
        <Card>
          <CardContent>
            <p className="text-sm text-muted-foreground">
              No target server holds this job. You must specify the Target Servers on which this multi server job will
              execute: name them or a group in its job file and apply it again.
            </p>
          </CardContent>
        </Card>
      ) : (
        <TargetsList job={job.definition.name} version={job.version} list={list} query={query} canRepost={canRepost} />
      )}
    </div>
  )
}
