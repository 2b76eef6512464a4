import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { secretVault } from '../notify/secrets'
import type { OutcomeRecord } from '../protocol/agent-v1'
import { addGroupMembers, createGroup, deleteGroup, removeGroupMembers } from './groups'
import { listJobs } from './job-list'
import { applyJobToTargets, createJob, deleteJob, jobPayload, removeJobFromTargets, updateJob } from './jobs'
import { setOperator } from './operator'
import { recordOutcomes } from './outcomes'
import { defectTarget } from './targets'

const t = testDatabase()

const definition = (name: string, targets?: { servers?: string[]; groups?: string[] }) => ({
  name,
  description: 'Nightly maintenance',
  steps: [
    {
      name: 'vacuum',
      kind: 'sql' as const,
      connection: 'local-pg',
      command: 'VACUUM;',
      onFailure: 'goto:2',
      retryAttempts: 2,
    },
    { name: 'report', kind: 'cmdexec' as const, command: 'echo done', onSuccess: 'quit-success' },
  ],
  schedules: [{ name: 'nightly', cron: '0 2 * * *' }],
  ...(targets ? { targets: { servers: targets.servers ?? [], groups: targets.groups ?? [] } } : {}),
})

async function instructionsFor(jobId: number) {
  const rows = await t.ctx.db.downloadInstruction.findMany({ where: { objectId: jobId }, orderBy: { id: 'asc' } })
  return rows.map((r) => `${r.operation} ${r.targetName}`)
}

describe('multiserver jobs', () => {
  it('creates a job with steps and schedules and posts INSERT to its targets', async () => {
    const [a, b, name] = [uniqueName(), uniqueName(), uniqueName('job')]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    const { job, inserted } = await createJob(t.ctx, definition(name, { servers: [a, b] }))
    expect(inserted).toBe(2)
    expect(job).toMatchObject({ name, category: '[Uncategorized (Multi-Server)]', owner: 'admin', version: 1 })
    expect(await instructionsFor(job.id)).toEqual([`INSERT ${a}`, `INSERT ${b}`])
    const payload = await jobPayload(t.ctx.db, job.id)
    expect(payload?.steps.map((s) => [s.stepNumber, s.name, s.onFailure, s.retryAttempts])).toEqual([
      [1, 'vacuum', 'goto:2', 2],
      [2, 'report', 'quit-failure', 0],
    ])
    expect(payload?.schedules).toEqual([
      { name: 'nightly', enabled: true, cron: '0 2 * * *', runAt: null, startsAt: null, endsAt: null },
    ])
  })

  it('notifies only the MSXOperator: a job naming another operator is refused, naming the MSXOperator is not', async () => {
    const job = (operator: string) => ({
      ...definition(uniqueName('notify')),
      notify: { operator, email: 'failure' as const },
    })
    await expect(createJob(t.ctx, job('MSXOperator'))).rejects.toThrow('this master has no MSXOperator yet')
    await setOperator(
      t.ctx,
      { email: 'dba@example.com' },
      secretVault(fs.mkdtempSync(path.join(os.tmpdir(), 'msx-op-'))),
    )
    await expect(createJob(t.ctx, job('night-shift'))).rejects.toThrow(
      'notify.operator names "night-shift": only the MSXOperator (MSXOperator) is notified about multiserver jobs.',
    )
    const created = await createJob(t.ctx, job('msxoperator'))
    expect(created.job.notifyEmail).toBe('failure')
  })

  it('refuses a duplicate job name, case-insensitively', async () => {
    const name = uniqueName('dup')
    await createJob(t.ctx, definition(name))
    await expect(createJob(t.ctx, definition(name.toUpperCase()))).rejects.toThrow(
      `A multiserver job named "${name}" already exists.`,
    )
  })

  it('refuses an invalid definition, naming each field and posting nothing', async () => {
    const before = await t.ctx.db.downloadInstruction.count()
    const bad = {
      name: uniqueName('bad'),
      steps: [
        { name: 's1', kind: 'powershell', command: 'x' },
        { name: 's2', kind: 'sql', command: 'SELECT 1' },
      ],
      schedules: [{ name: 'n', cron: '61 * * * *' }],
      colour: 'blue',
    }
    const error = await createJob(t.ctx, bad as never).catch((e: Error) => e)
    expect((error as Error).message).toContain('steps[0].kind: must be cmdexec or sql')
    expect((error as Error).message).toContain('schedules[0].cron: is not a valid cron expression')
    expect((error as Error).message).toMatch(/colour/)
    expect(await t.ctx.db.downloadInstruction.count()).toBe(before)
  })

  it('refuses a sql step without a connection', async () => {
    const job = definition(uniqueName('bad'))
    job.steps[0] = { ...job.steps[0], connection: undefined } as unknown as (typeof job.steps)[0]
    await expect(createJob(t.ctx, job)).rejects.toThrow('steps[0].connection: is required for a sql step')
  })

  it('refuses a step action that goes to a step the job does not have', async () => {
    const job = definition(uniqueName('bad'))
    job.steps[1] = { ...job.steps[1], onSuccess: 'goto:9' } as (typeof job.steps)[1]
    await expect(createJob(t.ctx, job)).rejects.toThrow(
      'steps[1].onSuccess: goes to step 9, but the job has steps 1 to 2 and a step cannot go to itself',
    )
  })

  it('posts UPDATE to the targets that keep a changed job, INSERT to new ones and DELETE to dropped ones', async () => {
    const [a, b, c, name] = [uniqueName(), uniqueName(), uniqueName(), uniqueName('job')]
    for (const n of [a, b, c]) await enlist(t.ctx, n)
    const { job } = await createJob(t.ctx, definition(name, { servers: [a, b] }))
    const result = await updateJob(t.ctx, name, { ...definition(name, { servers: [b, c] }), description: 'changed' })
    expect(result).toMatchObject({ updated: 1, inserted: 1, deleted: 1 })
    expect(result.job.version).toBe(2)
    expect(await instructionsFor(job.id)).toEqual([
      `INSERT ${a}`,
      `INSERT ${b}`,
      `INSERT ${c}`,
      `DELETE ${a}`,
      `UPDATE ${b}`,
    ])
  })

  it('without targets in the definition, an update keeps the targets and posts UPDATE to all of them', async () => {
    const [a, name] = [uniqueName(), uniqueName('job')]
    await enlist(t.ctx, a)
    const { job } = await createJob(t.ctx, definition(name, { servers: [a] }))
    await updateJob(t.ctx, name, { ...definition(name), description: 'Weekly maintenance' })
    expect(await instructionsFor(job.id)).toEqual([`INSERT ${a}`, `UPDATE ${a}`])
  })

  it('deleting a job posts DELETE to every target holding it', async () => {
    const [a, name] = [uniqueName(), uniqueName('job')]
    await enlist(t.ctx, a)
    const { job } = await createJob(t.ctx, definition(name, { servers: [a] }))
    await deleteJob(t.ctx, name)
    const rows = await t.ctx.db.downloadInstruction.findMany({ where: { objectId: job.id }, orderBy: { id: 'asc' } })
    expect(rows.map((r) => [r.operation, r.deletedObjectName])).toEqual([
      ['INSERT', null],
      ['DELETE', name],
    ])
    expect(await t.ctx.db.job.findUnique({ where: { id: job.id } })).toBeNull()
  })

  it('applies and removes a job for servers, posting only to targets whose holding changes', async () => {
    const [a, b, name] = [uniqueName(), uniqueName(), uniqueName('job')]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    const { job } = await createJob(t.ctx, definition(name))
    await applyJobToTargets(t.ctx, name, { servers: [a, b] })
    await applyJobToTargets(t.ctx, name, { servers: [a] })
    await removeJobFromTargets(t.ctx, name, { servers: [b] })
    expect(await instructionsFor(job.id)).toEqual([`INSERT ${a}`, `INSERT ${b}`, `DELETE ${b}`])
    await expect(applyJobToTargets(t.ctx, name, { servers: ['NOSUCH'] })).rejects.toThrow(
      'No target server is named "NOSUCH"',
    )
  })
})

describe('jobs applied to groups', () => {
  it('a group’s new member gets its jobs; a removed member loses those it held only through the group', async () => {
    const [a, b, group, name] = [uniqueName(), uniqueName(), uniqueName('grp'), uniqueName('job')]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    await createGroup(t.ctx, group)
    await addGroupMembers(t.ctx, group, [a])
    const { job } = await createJob(t.ctx, definition(name, { servers: [b], groups: [group] }))
    expect(await instructionsFor(job.id)).toEqual([`INSERT ${a}`, `INSERT ${b}`])
    await addGroupMembers(t.ctx, group, [b])
    expect(await instructionsFor(job.id)).toHaveLength(2) // b already held it directly
    await removeGroupMembers(t.ctx, group, [a, b])
    expect(await instructionsFor(job.id)).toEqual([`INSERT ${a}`, `INSERT ${b}`, `DELETE ${a}`])
    const holders = await t.ctx.db.jobServer.findMany({
      where: { jobId: job.id },
      select: { target: { select: { name: true } }, direct: true },
    })
    expect(holders).toEqual([{ target: { name: b }, direct: true }])
  })

  it('deleting a group removes its jobs from members that held them only through it', async () => {
    const [a, group, name] = [uniqueName(), uniqueName('grp'), uniqueName('job')]
    await enlist(t.ctx, a)
    await createGroup(t.ctx, group)
    await addGroupMembers(t.ctx, group, [a])
    const { job } = await createJob(t.ctx, definition(name, { groups: [group] }))
    await deleteGroup(t.ctx, group)
    expect(await instructionsFor(job.id)).toEqual([`INSERT ${a}`, `DELETE ${a}`])
  })
})

describe('the job list', () => {
  it('keeps the last run of a job whose targets have all left, from its history', async () => {
    const name = uniqueName('LEFT')
    const target = await enlist(t.ctx, name)
    const { job } = await createJob(t.ctx, {
      name: uniqueName('ran-then-left'),
      steps: [{ name: 'only', kind: 'cmdexec', command: 'true' }],
      targets: { servers: [name], groups: [] },
    })
    const startedAt = '2026-03-01T02:00:00.000Z'
    const outcome = { runId: 'left-run', jobId: job.id, jobName: job.name, output: '', retriesAttempted: 0 }
    await recordOutcomes(t.ctx.db, { id: target.id, name }, [
      {
        ...outcome,
        idempotencyKey: 'left-run:job',
        stepNumber: 0,
        stepName: '(job outcome)',
        runStatus: 1,
        message: '',
        startedAt,
        durationMs: 5,
      },
    ] as OutcomeRecord[])
    const listed = async () => (await listJobs(t.ctx.db)).find((j) => j.name === job.name)
    expect(await listed()).toMatchObject({ targets: 1, lastRunAt: startedAt, lastOutcomes: { Succeeded: 1 } })

    await defectTarget(t.ctx, name, { force: true })
    expect(await listed()).toMatchObject({ targets: 0, lastRunAt: startedAt, lastOutcomes: { Succeeded: 1 } })
  })
})
