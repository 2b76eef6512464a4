// What Stop on Running now says: in its confirmation, and once done.
import { targetServers } from '@/components/format/counts'
import { sayNames } from '@/components/format/names'
import type { StoppedRuns } from '@/lib/msx/stop-runs'

/** "backup on RUN1 and RUN2", for each job of the chosen runs. */
export function describeRuns(runs: readonly { job: string; target: string }[]): string[] {
  const byJob = new Map<string, string[]>()
  for (const run of runs) byJob.set(run.job, [...(byJob.get(run.job) ?? []), run.target])
  return [...byJob].map(([job, targets]) => `STOP of ${job} to ${sayNames(targets)}`)
}

/** "Posted STOP of backup to RUN1 and RUN2 (2 target servers)." */
export function stopRunsDone(stopped: readonly StoppedRuns[]): string {
  return stopped
    .map((s) => `Posted STOP of ${s.job} to ${sayNames(s.targets)} (${targetServers(s.targets.length)}).`)
    .join(' ')
}
