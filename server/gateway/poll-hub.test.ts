// The poll hub's wiring on a fake clock and a real database: a post wakes the long polls of its targets with their
// work, a Force Poll answers the target's long poll and hurries the write of its next poll, and stop lets nothing hang.
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../lib/log'
import { forcePoll } from '../../lib/msx/force-poll'
import { postOperation } from '../../lib/msx/post-operation'
import { FakeClock } from '../../test/support/fake-clock'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { WATCH_EVERY_MS } from './change-feed'
import { PollHub } from './poll-hub'
import { FLUSH_SOON_MS } from './poll-recorder'

const t = testDatabase()
const LONG_POLL_MS = 30_000

async function startedHub() {
  const clock = new FakeClock()
  const hub = new PollHub(t.ctx.db, createLogger('silent'), t.testDb.url, clock)
  await hub.start()
  return { hub, clock }
}

const seen = (at: number) => ({
  at,
  localTime: at,
  clockSkewMs: 0,
  spoolDepth: 0,
  spoolOldestAt: null,
  pollIntervalSeconds: 60,
  address: '10.0.0.1',
})

describe('the poll hub', () => {
  it('answers the long polls of the targets a post reaches, with the work posted', async () => {
    const { hub, clock } = await startedHub()
    const [a, b, idle] = [
      await enlist(t.ctx, uniqueName()),
      await enlist(t.ctx, uniqueName()),
      await enlist(t.ctx, uniqueName()),
    ]
    for (const target of [a, b, idle]) expect(await hub.work(target.id)).toEqual({ instructions: [], blockedBy: null })
    let idleAnswered = false
    const waits = [a, b].map((target) => hub.waitForWork(target.id, LONG_POLL_MS, () => {}))
    void hub
      .waitForWork(idle.id, LONG_POLL_MS, () => {})
      .then(() => {
        idleAnswered = true
      })

    await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [a.name, b.name] } })
    await clock.advance(WATCH_EVERY_MS)
    await Promise.all(waits)
    expect((await hub.work(a.id)).instructions).toMatchObject([{ operation: 'SYNC-TIME' }])
    expect((await hub.work(b.id)).instructions).toMatchObject([{ operation: 'SYNC-TIME' }])
    expect(idleAnswered).toBe(false)
    await hub.stop()
    expect(idleAnswered).toBe(true)
  })

  it('answers a Force Poll at once and writes the poll that follows within FLUSH_SOON_MS', async () => {
    const { hub, clock } = await startedHub()
    const target = await enlist(t.ctx, uniqueName())
    const waiting = hub.waitForWork(target.id, LONG_POLL_MS, () => {})
    await forcePoll(t.ctx, [target.name])
    await clock.advance(WATCH_EVERY_MS)
    await waiting

    hub.recordPoll(target.id, seen(clock.now()))
    await clock.advance(FLUSH_SOON_MS)
    expect((await t.ctx.db.targetServer.findUniqueOrThrow({ where: { id: target.id } })).lastPollAt).toEqual(
      new Date(clock.now() - FLUSH_SOON_MS),
    )
    await hub.stop()
  })

  it('writes the polls left at stop', async () => {
    const { hub, clock } = await startedHub()
    const target = await enlist(t.ctx, uniqueName())
    hub.recordPoll(target.id, seen(clock.now()))
    await hub.stop()
    expect(clock.pending()).toBe(0)
    expect((await t.ctx.db.targetServer.findUniqueOrThrow({ where: { id: target.id } })).lastPollAt).toEqual(
      new Date(clock.now()),
    )
  })
})
