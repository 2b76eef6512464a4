// The parts of a job's summary (job_summaries) that change with the clock rather than with a write: when it next
// runs, and how many of its runs were missed in the last 24 hours. The database's triggers keep the rest, and mark
// the next run for working out again when a job's schedules, pause or enabled change.
import 'server-only'
import type { Db } from '../db/client'
import { recentMissedCounts } from './missed-run-list'
import { nextRunOf } from './next-run'

const IN_ONE_GO = 500

/**
 * Works out the next run again for the jobs whose schedules changed and those whose next run has passed; returns
 * how many it wrote. Cheap when there are none: an indexed look for them.
 */
export async function refreshNextRuns(db: Db, now = new Date()): Promise<number> {
  let written = 0
  for (;;) {
    const due = await db.jobSummary.findMany({
      where: { OR: [{ nextRunStale: true }, { nextRunAt: { lte: now } }] },
      select: {
        jobId: true,
        job: {
          select: {
            enabled: true,
            pausedUntil: true,
            schedules: { select: { enabled: true, cron: true, runAt: true, startsAt: true, endsAt: true } },
          },
        },
      },
      take: IN_ONE_GO,
    })
    if (due.length === 0) return written
    await db.$transaction(
      due.map(({ jobId, job }) =>
        db.jobSummary.update({ where: { jobId }, data: { nextRunAt: nextRunOf(job, now), nextRunStale: false } }),
      ),
    )
    written += due.length
    if (due.length < IN_ONE_GO) return written
  }
}

/** Sets each job's count of runs missed in the last 24 hours to what missed_runs holds now; returns how many moved. */
export async function refreshMissedCounts(db: Db, now = new Date()): Promise<number> {
  const [counts, stored] = await Promise.all([
    recentMissedCounts(db, now),
    db.jobSummary.findMany({ select: { jobId: true, missedRecent: true } }),
  ])
  const moved = stored.filter((s) => (counts.get(s.jobId) ?? 0) !== s.missedRecent)
  for (let i = 0; i < moved.length; i += IN_ONE_GO)
    await db.$transaction(
      moved
        .slice(i, i + IN_ONE_GO)
        .map((s) =>
          db.jobSummary.update({ where: { jobId: s.jobId }, data: { missedRecent: counts.get(s.jobId) ?? 0 } }),
        ),
    )
  return moved.length
}
