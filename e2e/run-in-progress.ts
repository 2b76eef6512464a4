// A run in progress on a target, as an agent that reports progress would upload it, for pages that show one.
import type { MsxContext } from '../lib/msx/context'
import { recordOutcomes } from '../lib/msx/outcomes'

export async function reportRunInProgress(msx: MsxContext, job: string, target: string, step = 'back up') {
  const [{ id: jobId }, source] = await Promise.all([
    msx.db.job.findFirstOrThrow({ where: { name: job }, select: { id: true } }),
    msx.db.targetServer.findFirstOrThrow({ where: { name: target }, select: { id: true, name: true } }),
  ])
  const startedAt = new Date(Date.now() - 90_000).toISOString()
  await recordOutcomes(msx.db, source, [], new Date(), [
    {
      runId: `${job}-${target}-${startedAt}`,
      jobId,
      jobName: job,
      startedAt,
      stepNumber: 1,
      stepName: step,
      stepStartedAt: startedAt,
    },
  ])
}
