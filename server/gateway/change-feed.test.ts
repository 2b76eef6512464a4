// The change feed on a fake clock and a real database: each look reports the instructions and signals written
// since the last, a failed look is made again at the next tick, and on PostgreSQL a NOTIFY needs no tick.
import { describe, expect, inject, it } from 'vitest'
import type { Db } from '../../lib/db/client'
import { forcePoll } from '../../lib/msx/force-poll'
import { postOperation } from '../../lib/msx/post-operation'
import { capturedLog } from '../../test/support/captured-log'
import { FakeClock } from '../../test/support/fake-clock'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { ChangeFeed, type Changes, WATCH_EVERY_MS } from './change-feed'

const t = testDatabase()

/** A feed whose changes are written down as they are told. */
async function startedFeed(clock = new FakeClock()) {
  const told = { posted: [] as number[][], signalled: [] as (number | null)[] }
  const changes: Changes = {
    posted: async (targetIds) => {
      told.posted.push(targetIds)
    },
    signalled: (targetId) => told.signalled.push(targetId),
  }
  const { log, records } = capturedLog()
  const feed = new ChangeFeed(t.ctx.db, log, t.testDb.url, changes, clock)
  await feed.start()
  return { feed, clock, told, records }
}

/** An instruction written as the msx CLI of another master would, without waking anyone. */
const writtenQuietly = (target: { id: number; name: string }) =>
  t.ctx.db.downloadInstruction.create({
    data: {
      sourceServer: 'MSX1',
      operation: 'SYNC-TIME',
      objectType: 'SERVER',
      targetId: target.id,
      targetName: target.name,
    },
  })

/** Makes reads of a table fail until the returned function puts it back. */
async function unreadable(db: Db, table: 'download_instructions' | 'agent_signals') {
  await db.$executeRawUnsafe(`ALTER TABLE ${table} RENAME TO ${table}_away`)
  return () => db.$executeRawUnsafe(`ALTER TABLE ${table}_away RENAME TO ${table}`)
}

describe('the change feed', () => {
  it('reports only what was written after it started, each target once per look, and each look past the last', async () => {
    const [a, b] = [await enlist(t.ctx, uniqueName()), await enlist(t.ctx, uniqueName())]
    await writtenQuietly(a)
    const { feed, clock, told } = await startedFeed()
    await clock.advance(WATCH_EVERY_MS)
    expect(told.posted).toEqual([])

    await writtenQuietly(b)
    await writtenQuietly(a)
    await writtenQuietly(b)
    await clock.advance(WATCH_EVERY_MS)
    expect(told.posted).toEqual([[b.id, a.id]])
    await clock.advance(WATCH_EVERY_MS)
    expect(told.posted).toEqual([[b.id, a.id]])
    await feed.stop()
  })

  it('reports a signal for one target, and one for every target', async () => {
    const target = await enlist(t.ctx, uniqueName())
    const { feed, clock, told } = await startedFeed()
    await t.ctx.db.agentSignal.create({ data: { targetId: target.id, reason: 'force poll' } })
    await t.ctx.db.agentSignal.create({ data: { targetId: null, reason: 'master restarted' } })
    await clock.advance(WATCH_EVERY_MS)
    expect(told.signalled).toEqual([target.id, null])
    await clock.advance(WATCH_EVERY_MS)
    expect(told.signalled).toEqual([target.id, null])
    await feed.stop()
  })

  it('looks again at the next tick after a failed read of the instructions', async () => {
    const target = await enlist(t.ctx, uniqueName())
    const { feed, clock, told, records } = await startedFeed()
    await writtenQuietly(target)
    const putBack = await unreadable(t.ctx.db, 'download_instructions')
    await clock.advance(WATCH_EVERY_MS)
    expect(told.posted).toEqual([])
    expect(records).toMatchObject([{ msg: 'could not check for new instructions' }])

    await putBack()
    await clock.advance(WATCH_EVERY_MS)
    expect(told.posted).toEqual([[target.id]])
    await feed.stop()
  })

  it('reports posts once and signals at the next tick when only the read of signals failed', async () => {
    const target = await enlist(t.ctx, uniqueName())
    const { feed, clock, told, records } = await startedFeed()
    await writtenQuietly(target)
    await t.ctx.db.agentSignal.create({ data: { targetId: target.id, reason: 'force poll' } })
    const putBack = await unreadable(t.ctx.db, 'agent_signals')
    await clock.advance(WATCH_EVERY_MS)
    expect(told).toEqual({ posted: [[target.id]], signalled: [] })
    expect(records).toHaveLength(1)

    await putBack()
    await clock.advance(WATCH_EVERY_MS)
    expect(told).toEqual({ posted: [[target.id]], signalled: [target.id] })
    await feed.stop()
  })

  it('stops looking on the clock at stop', async () => {
    const target = await enlist(t.ctx, uniqueName())
    const { feed, clock, told } = await startedFeed()
    await feed.stop()
    expect(clock.pending()).toBe(0)
    await writtenQuietly(target)
    await clock.advance(WATCH_EVERY_MS)
    expect(told.posted).toEqual([])
  })

  it.runIf(inject('testDbProvider') === 'postgresql')(
    'hears a post and a Force Poll of another process at once on PostgreSQL, without a tick',
    async () => {
      const target = await enlist(t.ctx, uniqueName())
      const { feed, told } = await startedFeed()
      await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [target.name] } })
      await expect.poll(() => told.posted).toEqual([[target.id]])
      await forcePoll(t.ctx, [target.name])
      await expect.poll(() => told.signalled).toEqual([target.id])
      await feed.stop()
    },
  )
})
