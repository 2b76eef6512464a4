import { describe, expect, it } from 'vitest'
import { testDatabase, uniqueName } from '../../test/support/fixtures'
import { changesSince, latestChangeId, pruneChangeNotices } from './changes'
import { transaction } from './context'
import { createGroup } from './groups'
import { recordPolls } from './polls'
import { enlistTarget } from './targets'
import { MASTER_VERSION } from './versions'

const t = testDatabase()

describe('change notices', () => {
  it('name together the views that changed since the last look: audited changes and batched polls', async () => {
    const after = await latestChangeId(t.ctx.db)
    const target = await enlistTarget(t.ctx, { name: uniqueName('NOTICE'), agentVersion: MASTER_VERSION })
    await createGroup(t.ctx, uniqueName('notice-group'))
    const seen = await changesSince(t.ctx.db, after)
    expect(seen.lastId).toBeGreaterThan(after)
    expect(seen.topics).toEqual(expect.arrayContaining(['audit', 'targets', 'groups']))

    const at = new Date()
    const poll = { targetId: target.id, at, localTime: at, clockSkewMs: 0, spoolDepth: 0, spoolOldestAt: null }
    await recordPolls(t.ctx.db, [{ ...poll, pollIntervalSeconds: 60, sample: false }])
    const polled = await changesSince(t.ctx.db, seen.lastId)
    expect(polled.topics).toEqual(['targets'])
    expect(await changesSince(t.ctx.db, polled.lastId)).toEqual({ lastId: polled.lastId, topics: [] })
  })

  it('are not written when the change is rolled back', async () => {
    const after = await latestChangeId(t.ctx.db)
    await expect(
      transaction(t.ctx.db, async (tx) => {
        await tx.changeNotice.create({ data: { topics: 'targets' } })
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect((await changesSince(t.ctx.db, after)).topics).toEqual([])
  })

  it('are deleted after ten minutes', async () => {
    const old = await t.ctx.db.changeNotice.create({
      data: { topics: 'audit', createdAt: new Date(Date.now() - 11 * 60_000) },
    })
    const recent = await t.ctx.db.changeNotice.create({ data: { topics: 'audit' } })
    expect(await pruneChangeNotices(t.ctx.db)).toBeGreaterThanOrEqual(1)
    const left = await t.ctx.db.changeNotice.findMany({ where: { id: { in: [old.id, recent.id] } } })
    expect(left.map((row) => row.id)).toEqual([recent.id])
  })
})
