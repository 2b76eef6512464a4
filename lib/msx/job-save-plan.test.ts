import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { addGroupMembers, createGroup } from './groups'
import { planJobSave } from './job-save-plan'
import { createJob, updateJob } from './jobs'

const t = testDatabase()
const step = { name: 'work', kind: 'cmdexec' as const, command: 'echo work' }

describe('the plan shown before the editor saves a job', () => {
  it('counts INSERT for a new job, to its servers and its groups’ members, once each', async () => {
    for (const name of ['PLAN1', 'PLAN2', 'PLAN3']) await enlist(t.ctx, name)
    await createGroup(t.ctx, 'plan-group')
    await addGroupMembers(t.ctx, 'plan-group', ['PLAN2', 'PLAN3'])
    const plan = await planJobSave(t.ctx.db, null, {
      name: 'planned',
      steps: [step],
      targets: { servers: ['PLAN1', 'PLAN2'], groups: ['plan-group'] },
    })
    expect(plan).toMatchObject({ job: 'planned', creating: true, changed: true, insert: 3, update: 0, delete: 0 })
    expect(await t.ctx.db.job.count({ where: { name: 'planned' } })).toBe(0)
  })

  it('counts UPDATE for kept targets, INSERT and DELETE for the change of targets, and those blocked', async () => {
    for (const name of ['KEEP1', 'KEEP2', 'GONE1', 'NEW1']) await enlist(t.ctx, name)
    const definition = { name: 'kept', steps: [step], targets: { servers: ['KEEP1', 'KEEP2', 'GONE1'], groups: [] } }
    await createJob(t.ctx, definition)
    const keep1 = await t.ctx.db.targetServer.findFirstOrThrow({ where: { name: 'KEEP1' } })
    await t.ctx.db.downloadInstruction.updateMany({
      where: { targetId: keep1.id },
      data: { errorMessage: 'Proxy not found' },
    })
    const plan = await planJobSave(t.ctx.db, 'kept', {
      ...definition,
      description: 'now described',
      targets: { servers: ['KEEP1', 'KEEP2', 'NEW1'], groups: [] },
    })
    expect(plan).toMatchObject({
      creating: false,
      changed: true,
      insert: 1,
      update: 2,
      delete: 1,
      blocked: 1,
      older: 2,
    })
  })

  it('says a save that changes nothing posts nothing, as the save then does', async () => {
    await enlist(t.ctx, 'SAME1')
    const definition = { name: 'same', steps: [step], targets: { servers: ['SAME1'], groups: [] } }
    await createJob(t.ctx, definition)
    expect(await planJobSave(t.ctx.db, 'same', definition)).toMatchObject({ changed: false, update: 0, insert: 0 })
    expect(await updateJob(t.ctx, 'same', definition)).toMatchObject({ changed: false, updated: 0 })
  })

  it('refuses an unknown target or group with its name', async () => {
    await expect(
      planJobSave(t.ctx.db, null, { name: 'x', steps: [step], targets: { servers: [], groups: ['no-such-group'] } }),
    ).rejects.toThrow('There is no target server group named "no-such-group".')
  })
})
