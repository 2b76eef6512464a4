// Missed runs: each schedule's due times that have passed, checked against every target that holds the job. A run
// that started near its due time is on time; one that started later is recorded as started late; none is recorded
// as missed with the reason found then. Recorded once per (job, schedule, target, due time), so several master
// processes may check the same job; each job keeps a cursor up to which its due times are decided.
import 'server-only'
import type { Db, Tx } from '../db/client'
import { noteChange } from './changes'
import { refreshMissedCounts } from './job-summaries'
import type { MissedReason } from './missed-run-words'
import { nextScheduleRun } from './schedule-times'
import { OFFLINE_AFTER_POLL_INTERVALS } from './status'

const MINUTE = 60_000

export interface MissedRunCheck {
  now?: Date
  /** a run that starts within this of its due time is on time */
  toleranceMs?: number
  /** a due time is decided for a target once its poll interval and this much more have passed */
  graceMs?: number
  /** ... and at the latest this long after it */
  maxGraceMs?: number
  /** due times further back than this are not checked (a first check, or a master that was down) */
  lookbackMs?: number
  /** at most this many due times of one job in one check; the rest wait for the next */
  maxDueTimes?: number
  /** only these jobs (by id); every job unless given */
  jobs?: number[]
}

const DEFAULTS = {
  toleranceMs: MINUTE,
  graceMs: MINUTE,
  maxGraceMs: 30 * MINUTE,
  lookbackMs: 24 * 60 * MINUTE,
  maxDueTimes: 2000,
}

interface Found {
  reason: MissedReason
  seenAt: Date | null
  note: string | null
  lateByMs: number | null
}

export interface TargetAtDue {
  id: number
  name: string
  pollIntervalSeconds: number
  lastPollAt: Date | null
  heldVersion: number | null
  currentRunStartedAt: Date | null
}

export interface Evidence {
  /** the job's runs on the target (job outcome rows), any invocation */
  runs: { startedAt: Date; durationMs: number; message: string }[]
  /** the job's INSERT instructions to the target */
  inserts: { datePosted: Date; dateDownloaded: Date | null; errorMessage: string | null }[]
  /** the target's instructions in error, any object */
  errors: { id: number; datePosted: Date; errorMessage: string }[]
}

export interface DueTime {
  schedule: string
  at: Date
  /** the schedule's due times before and after it on this target: a run belongs to the nearest */
  previous: Date | null
  next: Date | null
}

/**
 * The rule for one due time on one target: null when the run happened on time or the target did not have the job
 * then; otherwise the reason. Blocked before not downloaded (the error says why), a run still in progress before
 * offline (it is a fact the target reported).
 */
export function judgeDueTime(
  due: DueTime,
  target: TargetAtDue,
  evidence: Evidence,
  job: { pausedUntil: Date | null },
  settings: { toleranceMs: number; graceMs: number },
): Found | null {
  const at = due.at.getTime()
  const from = Math.max(at - settings.toleranceMs, due.previous ? due.previous.getTime() + 1 : -Infinity)
  const until = Math.min(at + settings.graceMs, due.next ? due.next.getTime() - 1 : Infinity)
  const invoked = `invoked by schedule ${due.schedule}.`
  const starts = evidence.runs
    .filter((r) => r.message.includes(invoked))
    .map((r) => r.startedAt.getTime())
    .concat(target.currentRunStartedAt ? [target.currentRunStartedAt.getTime()] : [])
    .filter((t) => t >= from && t <= until)
  if (starts.length > 0) {
    const started = Math.min(...starts)
    if (started - at <= settings.toleranceMs) return null
    return { reason: 'late', seenAt: new Date(started), note: null, lateByMs: started - at }
  }
  const inserts = [...evidence.inserts].sort((a, b) => a.datePosted.getTime() - b.datePosted.getTime())
  const first = inserts[0]
  if (first && first.datePosted.getTime() > at) return null // not yet a target of the job then
  const missed = (reason: MissedReason, seenAt: Date | null = null, note: string | null = null): Found => ({
    reason,
    seenAt,
    note,
    lateByMs: null,
  })
  if (job.pausedUntil && job.pausedUntil.getTime() > at) return missed('paused', job.pausedUntil)
  const error = evidence.errors.find((e) => e.datePosted.getTime() <= at)
  if (error) return missed('blocked', null, `instruction ${error.id}: ${error.errorMessage}`)
  const held =
    inserts.length === 0
      ? target.heldVersion !== null
      : inserts.some((i) => i.dateDownloaded !== null && i.dateDownloaded.getTime() <= at)
  if (!held) return missed('not-downloaded')
  const previous = evidence.runs.find((r) => r.startedAt.getTime() < at && r.startedAt.getTime() + r.durationMs > at)
  if (previous) return missed('still-running', previous.startedAt)
  if (target.currentRunStartedAt && target.currentRunStartedAt.getTime() < at)
    return missed('still-running', target.currentRunStartedAt)
  const lastPoll = target.lastPollAt?.getTime() ?? null
  const offlineBefore = at - OFFLINE_AFTER_POLL_INTERVALS * target.pollIntervalSeconds * 1000
  if (lastPoll === null || lastPoll < at || lastPoll < offlineBefore) return missed('offline', target.lastPollAt)
  return missed('not-run')
}

/** How long after a due time a target's run is waited for: its poll interval and the grace, within the bounds. */
export function graceFor(pollIntervalSeconds: number, graceMs: number, maxGraceMs: number) {
  return Math.min(maxGraceMs, Math.max(graceMs, pollIntervalSeconds * 1000 + graceMs))
}

type Schedule = { name: string; cron: string | null; runAt: Date | null; startsAt: Date | null; endsAt: Date | null }

/** A schedule's due times in (from, until] on a clock `offset` minutes east of UTC, with one more on each side. */
export function dueTimesOf(schedule: Schedule, from: Date, until: Date, offset: number, max: number): DueTime[] {
  const times: Date[] = []
  const zone = { utcOffsetMinutes: offset }
  try {
    let cursor = from
    for (;;) {
      const next = nextScheduleRun(schedule, cursor, null, zone)
      if (!next) break
      times.push(next)
      if (next > until || times.length > max) break
      cursor = next
    }
  } catch {
    return [] // validated when saved: an expression croner no longer reads fires nowhere
  }
  const due: DueTime[] = []
  for (let i = 0; i < times.length; i++) {
    const at = times[i] as Date
    if (at > until || due.length >= max) break
    due.push({ schedule: schedule.name, at, previous: times[i - 1] ?? null, next: times[i + 1] ?? null })
  }
  return due
}

export interface CheckResult {
  jobs: number
  recorded: number
}

/** Checks every enabled job's passed due times; a disabled job or schedule has no missed runs at all. */
export async function checkMissedRuns(db: Db, options: MissedRunCheck = {}): Promise<CheckResult> {
  const now = options.now ?? new Date()
  const { jobs: only, ...given } = options
  const settings = { ...DEFAULTS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) }
  const these = only ? { id: { in: only } } : {}
  const jobs = await db.job.findMany({
    where: { ...these, enabled: true, schedules: { some: { enabled: true } } },
    select: {
      id: true,
      createdAt: true,
      pausedUntil: true,
      missedCheckedUntil: true,
      schedules: {
        where: { enabled: true },
        select: { name: true, cron: true, runAt: true, startsAt: true, endsAt: true },
      },
    },
  })
  // a job checked again after being disabled starts from then, not from before
  await db.job.updateMany({
    where: {
      ...these,
      OR: [{ enabled: false }, { schedules: { none: { enabled: true } } }],
      AND: [{ OR: [{ missedCheckedUntil: null }, { missedCheckedUntil: { lt: new Date(now.getTime() - MINUTE) } }] }],
    },
    data: { missedCheckedUntil: now },
  })
  const recorded = jobs.length === 0 ? 0 : await checkJobs(db, jobs, now, settings)
  // the Jobs list's counts move with what was recorded and with the runs that leave the last 24 hours
  const moved = await refreshMissedCounts(db, now)
  if (recorded > 0 || moved > 0) await noteChange(db, ['jobs'])
  return { jobs: jobs.length, recorded }
}

async function checkJobs(db: Db, jobs: JobToCheck[], now: Date, settings: typeof DEFAULTS) {
  // where each job's targets read their cron expressions: a job with no due time on any of them costs no more
  const placed = await db.$queryRaw<{ jobId: number; offset: number }[]>`
    SELECT DISTINCT js.job_id AS "jobId", t.time_zone_offset_minutes AS "offset"
    FROM job_servers js JOIN target_servers t ON t.id = js.target_id`
  const offsetsOf = new Map<number, number[]>()
  for (const { jobId, offset } of placed)
    offsetsOf.set(Number(jobId), [...(offsetsOf.get(Number(jobId)) ?? []), Number(offset)])
  // the targets' instructions in error, read once for every job and only when some job has a due time to judge
  let errors: Promise<ErrorRow[]> | undefined
  const errorsOnce = () => {
    errors ??= db.downloadInstruction.findMany({
      where: { errorMessage: { not: null }, targetId: { not: null } },
      select: { id: true, targetId: true, datePosted: true, errorMessage: true },
      orderBy: { id: 'asc' },
    })
    return errors
  }
  let recorded = 0
  for (const job of jobs) recorded += await checkJob(db, job, offsetsOf.get(job.id) ?? [], errorsOnce, now, settings)
  return recorded
}

type JobToCheck = {
  id: number
  createdAt: Date
  pausedUntil: Date | null
  missedCheckedUntil: Date | null
  schedules: Schedule[]
}

type ErrorRow = { id: number; targetId: number | null; datePosted: Date; errorMessage: string | null }

async function checkJob(
  db: Db,
  job: JobToCheck,
  offsets: number[],
  errorRows: () => Promise<ErrorRow[]>,
  now: Date,
  settings: typeof DEFAULTS,
): Promise<number> {
  const from = new Date(
    Math.max((job.missedCheckedUntil ?? job.createdAt).getTime(), now.getTime() - settings.lookbackMs),
  )
  const horizon = new Date(now.getTime() - settings.graceMs)
  if (horizon <= from || offsets.length === 0) return 0
  const dues = new Map<number, DueTime[]>()
  for (const offset of offsets)
    dues.set(
      offset,
      job.schedules.flatMap((s) => dueTimesOf(s, from, horizon, offset, settings.maxDueTimes)),
    )
  const all = [...dues.values()].flat()
  if (all.length === 0) return 0
  const servers = await db.jobServer.findMany({
    where: { jobId: job.id },
    select: {
      heldVersion: true,
      currentRunStartedAt: true,
      target: {
        select: { id: true, name: true, pollIntervalSeconds: true, lastPollAt: true, timeZoneOffsetMinutes: true },
      },
    },
  })
  const earliest = new Date(Math.min(...all.map((d) => d.at.getTime())))
  const [runs, inserts, errors, existing] = await Promise.all([
    db.jobHistory.findMany({
      where: {
        jobId: job.id,
        stepNumber: 0,
        startedAt: { gte: new Date(earliest.getTime() - 60 * MINUTE), lte: now },
      },
      select: { targetId: true, startedAt: true, durationMs: true, message: true },
    }),
    db.downloadInstruction.findMany({
      where: { objectType: 'JOB', objectId: job.id, operation: 'INSERT' },
      select: { targetId: true, datePosted: true, dateDownloaded: true, errorMessage: true },
    }),
    errorRows(),
    db.missedRun.findMany({
      where: { jobId: job.id, dueAt: { gte: earliest, lte: horizon } },
      select: { scheduleName: true, targetId: true, dueAt: true },
    }),
  ])
  const byTarget = <T extends { targetId: number | null }>(rows: T[]) => {
    const map = new Map<number, T[]>()
    for (const row of rows) if (row.targetId !== null) map.set(row.targetId, [...(map.get(row.targetId) ?? []), row])
    return map
  }
  const [runsOf, insertsOf, errorsOf] = [byTarget(runs), byTarget(inserts), byTarget(errors)]
  const known = new Set(existing.map((m) => `${m.scheduleName}|${m.targetId}|${m.dueAt.getTime()}`))
  const rows: MissedRunRow[] = []
  let undecided: number | null = null
  for (const server of servers) {
    const target: TargetAtDue = {
      ...server.target,
      heldVersion: server.heldVersion,
      currentRunStartedAt: server.currentRunStartedAt,
    }
    const grace = graceFor(target.pollIntervalSeconds, settings.graceMs, settings.maxGraceMs)
    const evidence: Evidence = {
      runs: runsOf.get(target.id) ?? [],
      inserts: insertsOf.get(target.id) ?? [],
      errors: (errorsOf.get(target.id) ?? []).map((e) => ({ ...e, errorMessage: e.errorMessage ?? '' })),
    }
    for (const due of dues.get(server.target.timeZoneOffsetMinutes) ?? []) {
      if (due.at.getTime() + grace > now.getTime()) {
        undecided = Math.min(undecided ?? Infinity, due.at.getTime())
        continue
      }
      if (known.has(`${due.schedule}|${target.id}|${due.at.getTime()}`)) continue
      const found = judgeDueTime(due, target, evidence, job, { toleranceMs: settings.toleranceMs, graceMs: grace })
      if (found)
        rows.push({
          jobId: job.id,
          scheduleName: due.schedule,
          targetId: target.id,
          targetName: target.name,
          dueAt: due.at,
          ...found,
        })
    }
  }
  const recorded = await record(db, rows)
  const latest = Math.max(...all.map((d) => d.at.getTime()))
  await advance(db, job.id, new Date(undecided !== null ? undecided - 1 : Math.min(latest, horizon.getTime())))
  return recorded
}

async function advance(db: Db, jobId: number, until: Date) {
  await db.job.updateMany({ where: { id: jobId }, data: { missedCheckedUntil: until } })
}

interface MissedRunRow extends Found {
  jobId: number
  scheduleName: string
  targetId: number
  targetName: string
  dueAt: Date
}

/** Stores the missed runs; one another master process stored first is left as it is. */
async function record(db: Db, rows: MissedRunRow[]) {
  if (rows.length === 0) return 0
  try {
    return (await db.missedRun.createMany({ data: rows })).count
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error
    let count = 0
    for (const data of rows) {
      try {
        await db.missedRun.create({ data })
        count++
      } catch (each) {
        if ((each as { code?: string }).code !== 'P2002') throw each
      }
    }
    return count
  }
}

/**
 * A scheduled run whose outcome arrives after its due time was judged (a target that ran it while it could not reach
 * the master and spooled it, or an agent that reports no run in progress) was not missed: the missed run recorded
 * for it is taken back, or becomes late. Called in the transaction that stores the job outcomes.
 */
export async function settleMissedRuns(
  tx: Tx,
  targetId: number,
  jobOutcomes: { jobId: number; message: string; startedAt: string }[],
  now: Date,
) {
  for (const outcome of jobOutcomes) {
    const startedAt = new Date(outcome.startedAt).getTime()
    // nothing is judged before the grace has passed: a run reported sooner was seen in time
    if (now.getTime() - startedAt < DEFAULTS.graceMs || !outcome.message.includes('invoked by schedule ')) continue
    const candidates = await tx.missedRun.findMany({
      where: {
        jobId: outcome.jobId,
        targetId,
        reason: { not: 'late' },
        dueAt: { gte: new Date(startedAt - DEFAULTS.lookbackMs), lte: new Date(startedAt + DEFAULTS.toleranceMs) },
      },
      orderBy: { dueAt: 'desc' },
      take: 50,
    })
    const missed = candidates.find((m) => outcome.message.includes(`invoked by schedule ${m.scheduleName}.`))
    if (!missed) continue
    const lateByMs = startedAt - missed.dueAt.getTime()
    if (lateByMs <= DEFAULTS.toleranceMs) await tx.missedRun.delete({ where: { id: missed.id } })
    else
      await tx.missedRun.update({
        where: { id: missed.id },
        data: { reason: 'late', lateByMs, seenAt: new Date(startedAt), note: null },
      })
  }
}
