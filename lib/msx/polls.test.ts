import { describe, expect, it } from 'vitest'
import { enlist, seedFleet, testDatabase, uniqueName } from '../../test/support/fixtures'
import { recordPolls } from './polls'
import { listTargets } from './target-list'

const t = testDatabase()

describe('recording polls in batches', () => {
  it('stores each target’s last poll, local time, skew and spool depth, and keeps sampled polls', async () => {
    const [a, b] = [await enlist(t.ctx, uniqueName()), await enlist(t.ctx, uniqueName())]
    const at = new Date()
    await recordPolls(t.ctx.db, [
      {
        targetId: a.id,
        at,
        localTime: new Date(at.getTime() + 5000),
        clockSkewMs: 5000,
        spoolDepth: 3,
        spoolOldestAt: at,
        pollIntervalSeconds: 60,
        sample: true,
      },
      {
        targetId: b.id,
        at,
        localTime: at,
        clockSkewMs: 0,
        spoolDepth: 0,
        spoolOldestAt: null,
        pollIntervalSeconds: 60,
        sample: false,
      },
    ])
    const rowA = await t.ctx.db.targetServer.findUnique({ where: { id: a.id } })
    expect(rowA).toMatchObject({ lastPollAt: at, clockSkewMs: 5000, spoolDepth: 3, spoolOldestAt: at })
    expect(rowA?.localTimeAtLastPoll?.getTime()).toBe(at.getTime() + 5000)
    expect(rowA?.suspectOfflineAt.getTime()).toBe(at.getTime() + 180_000)
    expect(await t.ctx.db.targetPollSample.count({ where: { targetId: a.id } })).toBe(1)
    expect(await t.ctx.db.targetPollSample.count({ where: { targetId: b.id } })).toBe(0)
    const { rows } = await listTargets(t.ctx.db, { search: a.name }, new Date(at.getTime() + 60_000))
    expect(rows[0]).toMatchObject({ status: 'Normal', lastPolled: at.toISOString(), clockSkewMs: 5000 })
  })

  it('records 5,000 polls in one call', async () => {
    const prefix = uniqueName('POLL')
    await seedFleet(t.ctx.db, prefix, 5000)
    const targets = await t.ctx.db.targetServer.findMany({
      where: { nameKey: { startsWith: `${prefix}-` } },
      select: { id: true },
    })
    const at = new Date()
    await recordPolls(
      t.ctx.db,
      targets.map(({ id }) => ({
        targetId: id,
        at,
        localTime: at,
        clockSkewMs: 1,
        spoolDepth: 0,
        spoolOldestAt: null,
        pollIntervalSeconds: 60,
        sample: false,
      })),
    )
    expect(
      await t.ctx.db.targetServer.count({
        where: { nameKey: { startsWith: `${prefix}-` }, lastPollAt: at, clockSkewMs: 1 },
      }),
    ).toBe(5000)
  })
})
