// Finished runs of a job on a target, an hour apart and ending now, as its agent would upload their outcomes: the
// durations given, oldest first, the last one failed when asked.
import type { MsxContext } from '../lib/msx/context'
import { recordOutcomes } from '../lib/msx/outcomes'

export async function recordFinishedRuns(
  msx: MsxContext,
  job: string,
  target: string,
  durationsMs: number[],
  { lastFailed = false } = {},
) {
  const [{ id: jobId }, source] = await Promise.all([
    msx.db.job.findFirstOrThrow({ where: { name: job }, select: { id: true } }),
    msx.db.targetServer.findFirstOrThrow({ where: { name: target }, select: { id: true, name: true } }),
  ])
  const now = Date.now()
  const outcomes = durationsMs.map((durationMs, i) => {
    const failed = lastFailed && i === durationsMs.length - 1
    const startedAt = new Date(now - (durationsMs.length - i) * 3_600_000).toISOString()
    const runId = `${job}-${target}-${startedAt}`
    return {
      idempotencyKey: `${runId}:0`,
      runId,
      jobId,
      jobName: job,
      stepNumber: 0,
      stepName: '(job outcome)',
      runStatus: failed ? (0 as const) : (1 as const),
      message: failed ? 'The job failed.' : 'The job succeeded.',
      output: '',
      retriesAttempted: 0,
      startedAt,
      durationMs,
    }
  })
  await recordOutcomes(msx.db, source, outcomes)
}
