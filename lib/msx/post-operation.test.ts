import { describe, expect, it } from 'vitest'
import { enlist, seedFleet, testDatabase, uniqueName } from '../../test/support/fixtures'
import { addGroupMembers, createGroup } from './groups'
import { createJob } from './jobs'
import { countOperationTargets, postOperation } from './post-operation'

const t = testDatabase()

const job = (name: string, servers: string[] = []) => ({
  name,
  steps: [{ name: 'one', kind: 'cmdexec' as const, command: 'echo one' }],
  targets: { servers, groups: [] },
})

describe('posting an operation', () => {
  it('posts SET-POLL to chosen targets with the value, and records it in the activity log', async () => {
    const [a, b] = [uniqueName(), uniqueName()]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    const result = await postOperation(t.ctx, {
      operation: 'set-poll',
      value: '120',
      recipients: { targets: [a, b.toLowerCase()] },
    })
    expect(result).toMatchObject({ operation: 'SET-POLL', posted: 2 })
    const rows = await t.ctx.db.downloadInstruction.findMany({ where: { targetName: { in: [a, b] } } })
    expect(rows.map((r) => [r.targetName, r.operation, r.objectType, r.value, r.status]).sort()).toEqual([
      [a, 'SET-POLL', 'SERVER', '120', 0],
      [b, 'SET-POLL', 'SERVER', '120', 0],
    ])
    const event = await t.ctx.db.auditEvent.findFirst({
      where: { action: 'instruction.post' },
      orderBy: { id: 'desc' },
    })
    expect(event?.objectName).toBe(`${a}, ${b}`)
    expect(JSON.parse(event?.details ?? '{}')).toMatchObject({ operation: 'SET-POLL', value: '120', posted: 2 })
  })

  it.each([['9'], ['28801'], ['1.5'], ['abc'], [undefined]])('refuses SET-POLL with the interval %s', async (value) => {
    const a = uniqueName()
    await enlist(t.ctx, a)
    await expect(postOperation(t.ctx, { operation: 'SET-POLL', value, recipients: { targets: [a] } })).rejects.toThrow(
      'The polling interval must be a whole number of seconds from 10 to 28,800',
    )
  })

  it('refuses an unknown operation, an unknown target and a value where none applies, posting nothing', async () => {
    const a = uniqueName()
    await enlist(t.ctx, a)
    const before = await t.ctx.db.downloadInstruction.count()
    await expect(postOperation(t.ctx, { operation: 'REBOOT', recipients: { all: true } })).rejects.toThrow(
      '"REBOOT" is not an operation',
    )
    await expect(
      postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [a, 'NOPE1'] } }),
    ).rejects.toThrow('No target server is named "NOPE1"')
    await expect(
      postOperation(t.ctx, { operation: 'SYNC-TIME', value: 5, recipients: { targets: [a] } }),
    ).rejects.toThrow('SYNC-TIME takes no value.')
    expect(await t.ctx.db.downloadInstruction.count()).toBe(before)
  })

  it('posts to a group’s members only', async () => {
    const [a, b, group] = [uniqueName(), uniqueName(), uniqueName('G')]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    await createGroup(t.ctx, group)
    await addGroupMembers(t.ctx, group, [a])
    const result = await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { group } })
    expect(result.targets).toEqual([a])
    await expect(postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { group: 'missing' } })).rejects.toThrow(
      'There is no target server group named "missing".',
    )
  })

  it('posts DEFECT and marks the targets defecting; defecting targets are left out of "all"', async () => {
    const a = uniqueName()
    await enlist(t.ctx, a)
    await postOperation(t.ctx, { operation: 'DEFECT', recipients: { targets: [a] } })
    expect((await t.ctx.db.targetServer.findUnique({ where: { nameKey: a } }))?.state).toBe('DEFECTING')
    const all = await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { all: true } })
    expect(all.targets).not.toContain(a)
    await expect(postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [a] } })).rejects.toThrow(
      `${a} is defecting: no further instructions can be posted to it.`,
    )
  })

  it('posts a job operation only to targets that hold the job', async () => {
    const [a, b, name] = [uniqueName(), uniqueName(), uniqueName('job')]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    await createJob(t.ctx, job(name, [a]))
    const started = await postOperation(t.ctx, { operation: 'START', job: name, recipients: { all: true } })
    expect(started.targets).toEqual([a])
    await expect(postOperation(t.ctx, { operation: 'START', job: name, recipients: { targets: [b] } })).rejects.toThrow(
      `Job "${name}" is not applied to ${b}: apply it to that target first.`,
    )
    await expect(postOperation(t.ctx, { operation: 'START', recipients: { all: true } })).rejects.toThrow(
      'START is a job operation: name the job.',
    )
    await expect(
      postOperation(t.ctx, { operation: 'SYNC-TIME', job: name, recipients: { all: true } }),
    ).rejects.toThrow('SYNC-TIME is a server operation: it takes no job.')
  })
})

describe('posting to a large fleet', () => {
  it('posts one instruction to 10,000 targets of a group, all stamped with the same posting time', async () => {
    const group = uniqueName('BIG')
    await createGroup(t.ctx, group)
    const names = await seedFleet(t.ctx.db, group, 10_000)
    await addGroupMembers(t.ctx, group, names)
    const result = await postOperation(t.ctx, { operation: 'SET-POLL', value: 30, recipients: { group } })
    expect(result.posted).toBe(10_000)
    const posted = await t.ctx.db.downloadInstruction.findMany({
      where: { operation: 'SET-POLL', value: '30', targetName: { startsWith: `${group}-` } },
      select: { datePosted: true, targetName: true },
    })
    expect(posted).toHaveLength(10_000)
    expect(new Set(posted.map((p) => p.targetName)).size).toBe(10_000)
    expect(new Set(posted.map((p) => p.datePosted.getTime())).size).toBe(1)
  }, 60_000)
})

describe('counting the targets an operation would reach', () => {
  it('counts what posting would reach and posts nothing', async () => {
    const [a, b] = [uniqueName('CNT'), uniqueName('CNT')]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    const before = await t.ctx.db.downloadInstruction.count()
    expect(await countOperationTargets(t.ctx.db, { operation: 'SYNC-TIME', recipients: { targets: [a, b] } })).toBe(2)
    expect(await countOperationTargets(t.ctx.db, { operation: 'SET-POLL', recipients: { targets: [a] } })).toBe(1)
    expect(await t.ctx.db.downloadInstruction.count()).toBe(before)
  })

  it('counts only the targets holding the job, and refuses as posting would', async () => {
    const [a, b] = [uniqueName('CNT'), uniqueName('CNT')]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    await createJob(t.ctx, job(`count-job-${a}`, [a]))
    const group = `count-group-${a}`
    await createGroup(t.ctx, group)
    await addGroupMembers(t.ctx, group, [a, b])
    expect(
      await countOperationTargets(t.ctx.db, { operation: 'START', job: `count-job-${a}`, recipients: { group } }),
    ).toBe(1)
    await expect(
      countOperationTargets(t.ctx.db, { operation: 'START', job: `count-job-${a}`, recipients: { targets: [a, b] } }),
    ).rejects.toThrow(`Job "count-job-${a}" is not applied to ${b}: apply it to that target first.`)
    await expect(countOperationTargets(t.ctx.db, { operation: 'START', recipients: { all: true } })).rejects.toThrow(
      'START is a job operation: name the job.',
    )
  })
})
