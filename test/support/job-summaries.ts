// Each job's summary (job_summaries) as the database triggers keep it, and as counted again from job_servers: a
// test that changes holdings expects the two to be equal.
import type { Db } from '../../lib/db/client'

/** The summaries counted again from job_servers, as the triggers must keep them. */
export async function recountedSummaries(db: Db) {
  const rows = await db.job.findMany({
    select: { name: true, version: true, servers: true },
    orderBy: { nameKey: 'asc' },
  })
  return rows.map((job) => {
    const ended = job.servers.filter((s) => s.currentRunId === null)
    const last = (outcome: number) => ended.filter((s) => s.lastRunOutcome === outcome).length
    return {
      name: job.name,
      targets: job.servers.length,
      currentTargets: job.servers.filter((s) => s.heldVersion === job.version).length,
      failed: last(0),
      succeeded: last(1),
      retry: last(2),
      canceled: last(3),
      running: job.servers.filter((s) => s.currentRunId !== null || s.lastRunOutcome === 4).length,
      never: ended.filter((s) => s.lastRunOutcome > 4).length,
    }
  })
}

/** The summaries as stored. */
export async function storedSummaries(db: Db) {
  const rows = await db.job.findMany({ select: { name: true, summary: true }, orderBy: { nameKey: 'asc' } })
  return rows.map(({ name, summary }) => ({
    name,
    targets: summary?.targets,
    currentTargets: summary?.currentTargets,
    failed: summary?.failed,
    succeeded: summary?.succeeded,
    retry: summary?.retry,
    canceled: summary?.canceled,
    running: summary?.running,
    never: summary?.never,
  }))
}
