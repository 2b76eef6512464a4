// Stop on Running now: STOP of each chosen run's job, posted to the targets running it, one job at a time in its
// own transaction, through the same sp_post_msx_operation as a job's Stop (only targets holding the job).
import 'server-only'
import { z } from 'zod'
import type { MsxContext } from './context'
import { isMsxError, MsxError } from './errors'
import { findJob } from './jobs'
import { nameKey } from './names'
import { postOperation } from './post-operation'

const name = z.string().trim().min(1, { error: 'Name the job and the target server of each run.' }).max(128)

export const stopRunsInput = z.object({
  runs: z
    .array(z.object({ job: name, target: name }))
    .min(1, { error: 'Select at least one run.' })
    .max(1000, { error: 'Stop at most 1,000 runs at once.' }),
})

export interface StoppedRuns {
  job: string
  /** the target servers STOP was posted to */
  targets: string[]
}

export async function stopRuns(ctx: MsxContext, runs: z.output<typeof stopRunsInput>['runs']): Promise<StoppedRuns[]> {
  const byJob = new Map<string, { job: string; targets: Map<string, string> }>()
  for (const run of runs) {
    const entry = byJob.get(nameKey(run.job)) ?? { job: run.job, targets: new Map() }
    entry.targets.set(nameKey(run.target), run.target)
    byJob.set(nameKey(run.job), entry)
  }
  const done: StoppedRuns[] = []
  for (const { job, targets } of byJob.values()) {
    try {
      const { name } = await findJob(ctx.db, job)
      const posted = await postOperation(ctx, {
        operation: 'STOP',
        job: name,
        recipients: { targets: [...targets.values()] },
      })
      done.push({ job: name, targets: posted.targets })
    } catch (error) {
      if (!isMsxError(error) || done.length === 0) throw error
      throw new MsxError(
        error.code,
        `${error.message} STOP was posted before it for ${done.map((d) => d.job).join(', ')}.`,
      )
    }
  }
  return done
}
