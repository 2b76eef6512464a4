import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { acknowledgeInstructions } from './acknowledgements'
import { pruneJobHistory } from './job-history-retention'
import { pauseJobSchedules } from './job-pause'
import { listJobRows } from './job-table'
import { createJob } from './jobs'
import { listMissedRuns } from './missed-run-list'
import { missedRunSentence } from './missed-run-words'
import { checkMissedRuns, dueTimesOf, judgeDueTime } from './missed-runs'
import { recordOutcomes } from './outcomes'
import { recordPolls } from './polls'

const t = testDatabase()
const MIN = 60_000
// in the future of the real clock, so that every instruction the test posts was posted before it
const due = new Date(Math.ceil((Date.now() + 60 * MIN) / MIN) * MIN)
const at = (ms: number) => new Date(due.getTime() + ms)
const step = { name: 'work', kind: 'cmdexec' as const, command: 'echo' }

async function target(name: string) {
  return t.ctx.db.targetServer.findFirstOrThrow({ where: { name } })
}

/** The target downloads its instructions (before the due time) and polls at `pollAt`. */
async function holds(name: string, pollAt: Date) {
  const row = await target(name)
  const unread = await t.ctx.db.downloadInstruction.findMany({ where: { targetId: row.id, status: 0 } })
  await acknowledgeInstructions(
    t.ctx.db,
    row.id,
    unread.map((i) => ({ id: i.id, ok: true })),
    at(-30 * MIN),
  )
  await polls(name, pollAt)
}

async function polls(name: string, when: Date) {
  const row = await target(name)
  await recordPolls(t.ctx.db, [
    {
      targetId: row.id,
      at: when,
      localTime: when,
      clockSkewMs: 0,
      spoolDepth: 0,
      spoolOldestAt: null,
      pollIntervalSeconds: 60,
      sample: false,
    },
  ])
}

async function ran(name: string, job: string, startedAt: Date, durationMs: number, invokedBy: string, now?: Date) {
  const row = await target(name)
  const jobRow = await t.ctx.db.job.findFirstOrThrow({ where: { name: job } })
  const key = `${name}-${startedAt.getTime()}`
  await recordOutcomes(
    t.ctx.db,
    row,
    [
      {
        idempotencyKey: `${key}:job`,
        runId: key,
        jobId: jobRow.id,
        jobName: job,
        stepNumber: 0,
        stepName: '(Job outcome)',
        runStatus: 1,
        message: `The job succeeded. The job was invoked by ${invokedBy}.`,
        output: '',
        retriesAttempted: 0,
        startedAt: startedAt.toISOString(),
        durationMs,
      },
    ],
    now,
  )
}

const byTarget = async (job: string) => {
  const list = await listMissedRuns(t.ctx.db, { job, window: 'all' })
  return Object.fromEntries(list.rows.map((r) => [r.target, r]))
}

describe('missed runs', () => {
  it('records each target’s missed run with its reason, a late run with how late, and an on-time run not at all', async () => {
    const names = ['ONTIME', 'LATE', 'OFFLINE', 'BLOCKED', 'NOTDL', 'BUSY', 'NORUN']
    for (const name of names) await enlist(t.ctx, name)
    await createJob(t.ctx, {
      name: 'nightly',
      steps: [step],
      schedules: [{ name: 'once', runAt: due.toISOString() }],
      targets: { servers: names, groups: [] },
    })
    for (const name of ['ONTIME', 'LATE', 'BUSY', 'NORUN']) await holds(name, at(30_000))
    await holds('OFFLINE', at(-10 * MIN))
    await holds('BLOCKED', at(30_000))
    const blocked = await target('BLOCKED')
    const sync = await t.ctx.db.downloadInstruction.create({
      data: {
        sourceServer: 'MSX',
        operation: 'SYNC-TIME',
        objectType: 'SERVER',
        targetId: blocked.id,
        targetName: 'BLOCKED',
        datePosted: at(-20 * MIN),
      },
    })
    await acknowledgeInstructions(t.ctx.db, blocked.id, [
      { id: sync.id, ok: false, error: 'The clock could not be set.' },
    ])
    await polls('NOTDL', at(30_000))
    await ran('ONTIME', 'nightly', at(2000), 1000, 'schedule once')
    await ran('LATE', 'nightly', at(90_000), 1000, 'schedule once')
    await ran('BUSY', 'nightly', at(-10 * MIN), 20 * MIN, 'START from the master')

    // before the grace has passed nothing is decided
    expect((await checkMissedRuns(t.ctx.db, { now: at(30_000) })).recorded).toBe(0)
    const { recorded } = await checkMissedRuns(t.ctx.db, { now: at(10 * MIN) })
    expect(recorded).toBe(6)
    const rows = await byTarget('nightly')
    expect(Object.keys(rows).sort()).toEqual(['BLOCKED', 'BUSY', 'LATE', 'NORUN', 'NOTDL', 'OFFLINE'])
    expect(rows.OFFLINE?.reason).toBe('offline')
    expect(rows.BLOCKED?.reason).toBe('blocked')
    expect(rows.NOTDL?.reason).toBe('not-downloaded')
    expect(rows.BUSY?.reason).toBe('still-running')
    expect(rows.NORUN?.reason).toBe('not-run')
    expect(rows.LATE).toMatchObject({ reason: 'late', lateByMs: 90_000 })
    const iso = (s: string) => s
    expect(missedRunSentence(rows.BLOCKED as never, iso)).toContain('The clock could not be set.')
    expect(missedRunSentence(rows.LATE as never, iso)).toBe(
      `Started late by 1 min 30 s, at ${at(90_000).toISOString()}.`,
    )
    expect(missedRunSentence(rows.OFFLINE as never, iso)).toBe(
      `Not run: the target server was not polling (its last poll was at ${at(-10 * MIN).toISOString()}).`,
    )

    // checked again, by this process or another: nothing twice
    expect((await checkMissedRuns(t.ctx.db, { now: at(11 * MIN) })).recorded).toBe(0)
    await t.ctx.db.job.updateMany({ where: { name: 'nightly' }, data: { missedCheckedUntil: null } })
    expect((await checkMissedRuns(t.ctx.db, { now: at(12 * MIN) })).recorded).toBe(0)

    // filtered by target and reason, and counted on the Jobs list (a late run ran: not counted)
    const offline = await listMissedRuns(t.ctx.db, { job: 'nightly', window: 'all', reason: 'offline' })
    expect(offline.rows.map((r) => r.target)).toEqual(['OFFLINE'])
    const one = await listMissedRuns(t.ctx.db, { job: 'nightly', window: 'all', target: 'busy' })
    expect(one.total).toBe(1)
    const jobs = await listJobRows(t.ctx.db, {}, at(20 * MIN))
    expect(jobs.rows.find((r) => r.name === 'nightly')?.missed).toBe(5)
    const sorted = await listJobRows(t.ctx.db, { sort: 'missed', dir: 'desc' }, at(20 * MIN))
    expect(sorted.rows[0]?.name).toBe('nightly')
    expect((await listJobRows(t.ctx.db, { outcome: 'missed' }, at(20 * MIN))).rows.map((r) => r.name)).toEqual([
      'nightly',
    ])
    // a day later, after the checker's next round, they are no longer "recent"
    await checkMissedRuns(t.ctx.db, { now: at(25 * 60 * MIN), jobs: [] })
    expect((await listJobRows(t.ctx.db, {}, at(25 * 60 * MIN))).rows.find((r) => r.name === 'nightly')?.missed).toBe(0)
  })

  it('says a paused job’s run was paused, and a disabled job misses nothing', async () => {
    await enlist(t.ctx, 'PAUSED1')
    await createJob(t.ctx, {
      name: 'paused',
      steps: [step],
      schedules: [{ name: 'once', runAt: due.toISOString() }],
      targets: { servers: ['PAUSED1'], groups: [] },
    })
    await pauseJobSchedules(t.ctx, 'paused', at(60 * MIN).toISOString())
    await createJob(t.ctx, {
      name: 'off',
      enabled: false,
      steps: [step],
      schedules: [{ name: 'once', runAt: due.toISOString() }],
      targets: { servers: ['PAUSED1'], groups: [] },
    })
    await holds('PAUSED1', at(30_000))
    await checkMissedRuns(t.ctx.db, { now: at(10 * MIN) })
    const paused = await byTarget('paused')
    expect(paused.PAUSED1?.reason).toBe('paused')
    expect((await listMissedRuns(t.ctx.db, { job: 'off', window: 'all' })).total).toBe(0)
  })

  it('a run that ran while the master could not hear of it, uploaded later from the spool, is not missed', async () => {
    for (const name of ['SPOOL1', 'SPOOL2']) await enlist(t.ctx, name)
    await createJob(t.ctx, {
      name: 'spooled',
      steps: [step],
      schedules: [{ name: 'once', runAt: due.toISOString() }],
      targets: { servers: ['SPOOL1', 'SPOOL2'], groups: [] },
    })
    for (const name of ['SPOOL1', 'SPOOL2']) await holds(name, at(-10 * MIN))
    await checkMissedRuns(t.ctx.db, { now: at(10 * MIN) })
    expect(Object.values(await byTarget('spooled')).map((r) => r.reason)).toEqual(['offline', 'offline'])
    await ran('SPOOL1', 'spooled', at(1000), 1000, 'schedule once', at(20 * MIN))
    await ran('SPOOL2', 'spooled', at(5 * MIN), 1000, 'schedule once', at(20 * MIN))
    const rows = await byTarget('spooled')
    expect(Object.keys(rows)).toEqual(['SPOOL2'])
    expect(rows.SPOOL2).toMatchObject({ reason: 'late', lateByMs: 5 * MIN })
  })

  it('reads a cron schedule on the target’s clock, and a target that got the job after a due time did not miss it', () => {
    const schedule = { name: 'nightly', cron: '0 2 * * *', runAt: null, startsAt: null, endsAt: null }
    const from = new Date('2026-12-01T00:00:00Z')
    const dues = dueTimesOf(schedule, from, new Date('2026-12-02T00:00:00Z'), 60, 10)
    expect(dues.map((d) => d.at.toISOString())).toEqual(['2026-12-01T01:00:00.000Z'])
    expect(dues[0]?.next?.toISOString()).toBe('2026-12-02T01:00:00.000Z')
    const target = {
      id: 1,
      name: 'LATECOMER',
      pollIntervalSeconds: 60,
      lastPollAt: null,
      heldVersion: 1,
      currentRunStartedAt: null,
    }
    const inserted = { datePosted: new Date('2026-12-01T05:00:00Z'), dateDownloaded: null, errorMessage: null }
    const settings = { toleranceMs: MIN, graceMs: 2 * MIN }
    const judge = (posted: typeof inserted) =>
      judgeDueTime(
        dues[0] as never,
        target,
        { runs: [], inserts: [posted], errors: [] },
        { pausedUntil: null },
        settings,
      )
    expect(judge(inserted)).toBeNull()
    expect(judge({ ...inserted, datePosted: from })?.reason).toBe('not-downloaded')
  })

  it('are purged with job history', async () => {
    const before = await t.ctx.db.missedRun.count()
    expect(before).toBeGreaterThan(0)
    await pruneJobHistory(t.ctx.db, 30, at(31 * 24 * 60 * MIN))
    expect(await t.ctx.db.missedRun.count()).toBe(0)
  })
})
