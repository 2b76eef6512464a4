// A job's Targets tab on the real databases: its targets paged and found by name and by the state of the
// definition on each, counted per state; Re-post to one target, refused with the reason where it has no point.
import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { acknowledgeInstructions } from './acknowledgements'
import { repostJobToTarget } from './job-repost'
import { listJobTargets } from './job-target-list'
import { createJob, updateJob } from './jobs'
import { nameKey } from './names'

const t = testDatabase()

const definition = (name: string, servers: string[], command = 'VACUUM;') => ({
  name,
  steps: [{ name: 'vacuum', kind: 'cmdexec' as const, command }],
  targets: { servers, groups: [] },
})

async function answerDownloads(target: string, error?: string) {
  const { id } = await t.ctx.db.targetServer.findUniqueOrThrow({ where: { nameKey: nameKey(target) } })
  const rows = await t.ctx.db.downloadInstruction.findMany({
    where: { targetId: id, status: 0 },
    orderBy: { id: 'asc' },
  })
  await acknowledgeInstructions(
    t.ctx.db,
    id,
    rows.map((r) => (error ? { id: r.id, ok: false, error } : { id: r.id, ok: true })),
  )
}

/** Four targets, one in each state: current, older, waiting for its UPDATE, and blocked by a failed download. */
async function jobInEveryState() {
  const prefix = uniqueName('JT')
  const [current, older, pending, failed] = ['A', 'B', 'C', 'D'].map((s) => `${prefix}-${s}`) as [
    string,
    string,
    string,
    string,
  ]
  for (const target of [current, older, pending, failed]) await enlist(t.ctx, target)
  const name = uniqueName('job')
  await createJob(t.ctx, definition(name, [current, older, pending, failed]))
  for (const target of [current, older, pending]) await answerDownloads(target)
  await answerDownloads(failed, 'Proxy not found.')
  await updateJob(t.ctx, name, definition(name, [current, older, pending, failed], 'VACUUM FULL;'))
  await answerDownloads(current)
  // the older one's UPDATE is lost from view: deleted, as an administrator might on Download Instructions
  const { id } = await t.ctx.db.targetServer.findUniqueOrThrow({ where: { nameKey: nameKey(older) } })
  await t.ctx.db.downloadInstruction.deleteMany({ where: { targetId: id, status: 0 } })
  return { name, prefix, current, older, pending, failed }
}

describe('the Targets tab of a job', () => {
  it('counts its targets per state and filters by each, by name and a page at a time', async () => {
    const { name, prefix, current, older, pending, failed } = await jobInEveryState()
    const all = await listJobTargets(t.ctx.db, name)
    expect(all.states).toEqual({ current: 1, older: 1, pending: 1, error: 1 })
    expect(all.rows.map((r) => r.name)).toEqual([current, older, pending, failed])
    expect(
      all.rows.map((r) => [r.heldVersion, r.current, r.pending?.operation ?? null, r.error?.message ?? null]),
    ).toEqual([
      [2, true, null, null],
      [1, false, null, null],
      [1, false, 'UPDATE', null],
      // its UPDATE waits behind the error
      [null, false, 'UPDATE', 'Proxy not found.'],
    ])
    for (const [state, target] of [
      ['current', current],
      ['older', older],
      ['pending', pending],
      ['error', failed],
    ] as const)
      expect((await listJobTargets(t.ctx.db, name, { state })).rows.map((r) => r.name)).toEqual([target])
    expect(
      (await listJobTargets(t.ctx.db, name, { target: `${prefix}-c`.toLowerCase() })).rows.map((r) => r.name),
    ).toEqual([pending])
    const second = await listJobTargets(t.ctx.db, name, { page: 2, pageSize: 3 })
    expect([second.total, second.rows.map((r) => r.name)]).toEqual([4, [failed]])
  })

  it('Re-post to one target posts UPDATE to it alone, audited; elsewhere it says why not and posts nothing', async () => {
    const { name, current, older, pending, failed } = await jobInEveryState()
    const before = await t.ctx.db.downloadInstruction.count()
    await expect(repostJobToTarget(t.ctx, name, current)).rejects.toThrow(
      `${current} holds version 2 of job "${name}", the current one: nothing to re-post.`,
    )
    await expect(repostJobToTarget(t.ctx, name, pending)).rejects.toThrow(/waiting: it gets it when it next polls\.$/)
    await expect(repostJobToTarget(t.ctx, name, failed)).rejects.toThrow(
      /is cleared or deleted on Download Instructions: it failed with "Proxy not found."/,
    )
    await expect(repostJobToTarget(t.ctx, name, 'NO-SUCH-TARGET')).rejects.toThrow(
      `Target server NO-SUCH-TARGET does not hold job "${name}": nothing to re-post.`,
    )
    expect(await t.ctx.db.downloadInstruction.count()).toBe(before)

    expect(await repostJobToTarget(t.ctx, name, older)).toEqual({ job: name, version: 2, target: older })
    const posted = await t.ctx.db.downloadInstruction.findMany({
      where: { id: { gt: 0 }, targetName: older, status: 0 },
    })
    expect(posted.map((p) => [p.operation, p.jobVersion])).toEqual([['UPDATE', 2]])
    expect(await t.ctx.db.downloadInstruction.count()).toBe(before + 1)
    expect((await listJobTargets(t.ctx.db, name, { state: 'pending' })).rows.map((r) => r.name).sort()).toEqual(
      [older, pending].sort(),
    )
    const audit = await t.ctx.db.auditEvent.findFirst({ where: { action: 'job.repost', objectName: name } })
    expect(audit?.details).toContain(older)
  })
})
