import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { jobFileOf } from './job-file-of'
import { listJobRows } from './job-table'
import { createJob, jobPayload, updateJob } from './jobs'
import { nextScheduleRuns } from './schedule-times'

const t = testDatabase()
const step = { name: 'work', kind: 'cmdexec' as const, command: 'echo done' }
const now = new Date('2026-12-02T12:00:00Z')
const hourly = (startsAt?: string, endsAt?: string) => ({ cron: '0 * * * *', runAt: null, startsAt, endsAt })
const iso = (dates: Date[]) => dates.map((d) => d.toISOString())

describe('schedule start and end dates', () => {
  it('a recurring schedule fires from its startsAt (a run at startsAt itself too) until its endsAt', () => {
    expect(iso(nextScheduleRuns(hourly('2026-12-02T15:00:00Z', '2026-12-02T17:00:00Z'), 5, now))).toEqual([
      '2026-12-02T15:00:00.000Z',
      '2026-12-02T16:00:00.000Z',
      '2026-12-02T17:00:00.000Z',
    ])
    expect(nextScheduleRuns(hourly(undefined, '2026-12-01T00:00:00Z'), 5, now)).toEqual([])
    expect(iso(nextScheduleRuns(hourly('2026-11-01T00:00:00Z'), 2, now))).toEqual([
      '2026-12-02T13:00:00.000Z',
      '2026-12-02T14:00:00.000Z',
    ])
  })

  it('while the job is paused, runs before the pause’s end are skipped (a run at its end fires)', () => {
    const paused = '2026-12-02T15:00:00Z'
    expect(iso(nextScheduleRuns(hourly(), 2, now, paused))).toEqual([
      '2026-12-02T15:00:00.000Z',
      '2026-12-02T16:00:00.000Z',
    ])
    const once = { cron: null, runAt: '2026-12-02T14:00:00Z' }
    expect(nextScheduleRuns(once, 1, now, paused)).toEqual([])
    expect(iso(nextScheduleRuns(once, 1, now, '2026-12-02T13:00:00Z'))).toEqual(['2026-12-02T14:00:00.000Z'])
  })

  it('are kept with the schedule, carried to the targets and written back in the job file', async () => {
    const [target, name] = [uniqueName(), uniqueName('job')]
    await enlist(t.ctx, target)
    const schedule = {
      name: 'window',
      cron: '30 2 * * *',
      startsAt: '2026-12-10T00:00:00+01:00',
      endsAt: '2026-12-20T00:00:00Z',
    }
    const { job } = await createJob(t.ctx, {
      name,
      steps: [step],
      schedules: [schedule],
      targets: { servers: [target], groups: [] },
    })
    const payload = await jobPayload(t.ctx.db, job.id)
    expect(payload?.schedules[0]).toMatchObject({
      startsAt: '2026-12-09T23:00:00.000Z',
      endsAt: '2026-12-20T00:00:00.000Z',
    })
    const file = await jobFileOf(t.ctx.db, job.id)
    expect(file.schedules?.[0]).toMatchObject({
      startsAt: '2026-12-09T23:00:00.000Z',
      endsAt: '2026-12-20T00:00:00.000Z',
    })
    // the same dates written another way are the same job: saving it again changes nothing
    expect((await updateJob(t.ctx, name, file)).changed).toBe(false)
  })

  it('refuses an endsAt not after startsAt, and dates on a one-time schedule, saying what to change', async () => {
    const refusal = (schedule: Record<string, unknown>) =>
      createJob(t.ctx, { name: uniqueName('job'), steps: [step], schedules: [{ name: 's', ...schedule }] }).then(
        () => 'saved',
        (error: Error) => error.message,
      )
    expect(
      await refusal({ cron: '0 2 * * *', startsAt: '2026-12-10T00:00:00Z', endsAt: '2026-12-09T00:00:00Z' }),
    ).toContain(
      'schedules[0].endsAt: must be later than startsAt (2026-12-10T00:00:00Z): the schedule would never fire',
    )
    expect(await refusal({ runAt: '2026-12-10T00:00:00Z', endsAt: '2026-12-11T00:00:00Z' })).toContain(
      'schedules[0].endsAt: applies to a recurring (cron) schedule only: a one-time schedule runs once, at runAt',
    )
    expect(await refusal({ cron: '0 2 * * *', startsAt: 'next week' })).toContain(
      'schedules[0].startsAt: must be a date and time like 2026-12-01T02:00:00Z',
    )
  })

  it('the Jobs list’s next run skips a schedule that has ended and waits for one that has not started', async () => {
    const [ended, later] = [uniqueName('job'), uniqueName('job')]
    await createJob(t.ctx, {
      name: ended,
      steps: [step],
      schedules: [{ name: 'past', cron: '0 * * * *', endsAt: '2026-12-01T00:00:00Z' }],
    })
    await createJob(t.ctx, {
      name: later,
      steps: [step],
      schedules: [{ name: 'soon', cron: '0 * * * *', startsAt: '2026-12-05T09:30:00Z' }],
    })
    const rows = (await listJobRows(t.ctx.db, { pageSize: 100 }, now)).rows
    expect(rows.find((r) => r.name === ended)?.nextRunAt).toBeNull()
    expect(rows.find((r) => r.name === later)?.nextRunAt).toBe('2026-12-05T10:00:00.000Z')
  })
})
