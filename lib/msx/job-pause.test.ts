import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { actOnJobs } from './job-actions'
import { describeJob } from './job-list'
import { pauseJobSchedules, resumeJobSchedules } from './job-pause'
import { listJobRows } from './job-table'
import { createJob, jobPayload } from './jobs'

const t = testDatabase()
const step = { name: 'work', kind: 'cmdexec' as const, command: 'echo done' }
const HOUR = 3_600_000

async function hourlyJobOn(targets: string[]) {
  const name = uniqueName('job')
  for (const target of targets) await enlist(t.ctx, target)
  const { job } = await createJob(t.ctx, {
    name,
    steps: [step],
    schedules: [{ name: 'hourly', cron: '0 * * * *' }],
    targets: { servers: targets, groups: [] },
  })
  return { name, job }
}

const updatesOf = (jobId: number) =>
  t.ctx.db.downloadInstruction.count({ where: { objectId: jobId, operation: 'UPDATE' } })

describe('Pause schedules until', () => {
  it('posts UPDATE carrying the time to every target, saves no version, and is audited', async () => {
    const { name, job } = await hourlyJobOn([uniqueName(), uniqueName()])
    const until = new Date(Date.now() + 5 * HOUR)
    const { posted } = await pauseJobSchedules(t.ctx, name, until.toISOString())
    expect(posted).toBe(2)
    expect(await updatesOf(job.id)).toBe(2)
    expect((await jobPayload(t.ctx.db, job.id))?.pausedUntil).toBe(until.toISOString())
    const described = await describeJob(t.ctx.db, name)
    expect(described.version).toBe(1)
    expect(described.pausedUntil).toBe(until.toISOString())
    const audit = await t.ctx.db.auditEvent.findFirst({ where: { action: 'job.pause', objectName: name } })
    expect(audit).not.toBeNull()
  })

  it('the Jobs list shows the pause, and its next run is the first after the pause', async () => {
    const { name } = await hourlyJobOn([uniqueName()])
    const now = new Date()
    const until = new Date(now.getTime() + 5 * HOUR + 30 * 60_000)
    await pauseJobSchedules(t.ctx, name, until.toISOString(), now)
    const row = (await listJobRows(t.ctx.db, { search: name }, now)).rows[0]
    expect(row?.pausedUntil).toBe(until.toISOString())
    const next = new Date(row?.nextRunAt ?? 0)
    expect(next.getTime()).toBeGreaterThanOrEqual(until.getTime())
    expect(next.getTime() - until.getTime()).toBeLessThanOrEqual(HOUR)
    // once the time has passed, the pause has ended by itself
    const later = new Date(until.getTime() + 1)
    expect((await listJobRows(t.ctx.db, { search: name }, later)).rows[0]?.pausedUntil).toBeNull()
  })

  it('refuses a time that has passed or is not a date and time, saying what to choose, and pauses nothing', async () => {
    const { name, job } = await hourlyJobOn([uniqueName()])
    const past = new Date(Date.now() - 60_000).toISOString()
    await expect(actOnJobs(t.ctx, 'pause', [name], { until: past })).rejects.toThrow(
      `Schedules can be paused only until a time in the future, and ${past} has passed: choose a later date or time.`,
    )
    await expect(pauseJobSchedules(t.ctx, name, 'tomorrow 6am')).rejects.toThrow(
      'Choose the date and time to pause the schedules until, like 2026-12-04T06:00:00+01:00.',
    )
    expect((await describeJob(t.ctx.db, name)).pausedUntil).toBeNull()
    expect(await updatesOf(job.id)).toBe(0)
  })

  it('Resume schedules clears the pause and posts UPDATE; a job not paused is left alone', async () => {
    const { name, job } = await hourlyJobOn([uniqueName()])
    expect(await resumeJobSchedules(t.ctx, name)).toMatchObject({ posted: 0, wasPaused: false })
    await pauseJobSchedules(t.ctx, name, new Date(Date.now() + HOUR).toISOString())
    const [done] = await actOnJobs(t.ctx, 'resume', [name])
    expect(done).toEqual({ job: name, posted: 1 })
    expect(await updatesOf(job.id)).toBe(2)
    expect((await jobPayload(t.ctx.db, job.id))?.pausedUntil).toBeNull()
    expect(await t.ctx.db.auditEvent.count({ where: { action: 'job.resume', objectName: name } })).toBe(1)
  })
})
