// The batched poll writes on a fake clock and a real database: polls of one target between batches are one write,
// a target the dashboard waits for is written within FLUSH_SOON_MS, and a failed batch is reported, not thrown.
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../lib/log'
import { POLL_SAMPLE_EVERY_SECONDS } from '../../lib/msx/polls'
import { capturedLog } from '../../test/support/captured-log'
import { FakeClock } from '../../test/support/fake-clock'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { FLUSH_EVERY_MS, FLUSH_SOON_MS, PollRecorder, type PollSeen } from './poll-recorder'

const t = testDatabase()
const silent = createLogger('silent')

const seenAt = (at: number, over: Partial<PollSeen> = {}): PollSeen => ({
  at,
  localTime: at + 1500,
  clockSkewMs: 1500,
  spoolDepth: 0,
  spoolOldestAt: null,
  pollIntervalSeconds: 60,
  address: '10.0.0.1',
  ...over,
})

const lastPollOf = async (targetId: number) =>
  (await t.ctx.db.targetServer.findUniqueOrThrow({ where: { id: targetId } })).lastPollAt
const samplesOf = (targetId: number) => t.ctx.db.targetPollSample.findMany({ where: { targetId } })

function started(clock: FakeClock, log = silent) {
  const recorder = new PollRecorder(t.ctx.db, log, clock)
  recorder.start()
  return recorder
}

describe('the batched poll writes', () => {
  it('writes the polls of one target between batches as its last one, with a sample if any of them was one', async () => {
    const clock = new FakeClock()
    const recorder = started(clock)
    const target = await enlist(t.ctx, uniqueName())
    const first = clock.now()
    recorder.record(target.id, seenAt(first))
    await clock.advance(500)
    recorder.record(target.id, seenAt(clock.now(), { clockSkewMs: -200, spoolDepth: 3, address: '10.0.0.2' }))
    expect(await lastPollOf(target.id)).toBeNull()

    await clock.advance(FLUSH_EVERY_MS - 500)
    expect(await t.ctx.db.targetServer.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      lastPollAt: new Date(first + 500),
      clockSkewMs: -200,
      spoolDepth: 3,
      lastPollAddress: '10.0.0.2',
    })
    expect(await samplesOf(target.id)).toMatchObject([{ at: new Date(first + 500), clockSkewMs: -200 }])

    // the next sample comes POLL_SAMPLE_EVERY_SECONDS after the last one kept
    recorder.record(target.id, seenAt(clock.now()))
    await clock.advance(FLUSH_EVERY_MS)
    expect(await samplesOf(target.id)).toHaveLength(1)
    recorder.record(target.id, seenAt(first + POLL_SAMPLE_EVERY_SECONDS * 1000))
    await clock.advance(FLUSH_EVERY_MS)
    expect(await samplesOf(target.id)).toHaveLength(2)
    recorder.stop()
  })

  it('writes an awaited target soon rather than with the next batch, once', async () => {
    const clock = new FakeClock()
    const recorder = started(clock)
    const [awaited, other] = [await enlist(t.ctx, uniqueName()), await enlist(t.ctx, uniqueName())]
    recorder.record(other.id, seenAt(clock.now()))
    await clock.advance(FLUSH_SOON_MS)
    expect(await lastPollOf(other.id)).toBeNull()

    recorder.awaitPoll(awaited.id)
    recorder.record(awaited.id, seenAt(clock.now()))
    await clock.advance(FLUSH_SOON_MS)
    expect(await lastPollOf(awaited.id)).toEqual(new Date(clock.now() - FLUSH_SOON_MS))

    // only the poll that answers the wait is hurried
    recorder.record(awaited.id, seenAt(clock.now()))
    await clock.advance(FLUSH_SOON_MS)
    expect(await lastPollOf(awaited.id)).toEqual(new Date(clock.now() - 2 * FLUSH_SOON_MS))
    recorder.stop()
  })

  it('forgets that a target was awaited', async () => {
    const clock = new FakeClock()
    const recorder = started(clock)
    const target = await enlist(t.ctx, uniqueName())
    recorder.awaitPoll(target.id)
    recorder.forget(target.id)
    recorder.record(target.id, seenAt(clock.now()))
    await clock.advance(FLUSH_SOON_MS)
    expect(await lastPollOf(target.id)).toBeNull()
    recorder.stop()
  })

  it('puts an upload’s spool on the poll not yet written, or writes it at once', async () => {
    const clock = new FakeClock()
    const recorder = started(clock)
    const [polled, quiet] = [await enlist(t.ctx, uniqueName()), await enlist(t.ctx, uniqueName())]
    recorder.record(polled.id, seenAt(clock.now(), { spoolDepth: 9 }))
    await recorder.recordSpool(polled.id, { depth: 2, oldestAt: '2026-12-04T08:59:00.000Z' })
    await recorder.recordSpool(quiet.id, { depth: 4, oldestAt: null })
    expect(await t.ctx.db.targetServer.findUniqueOrThrow({ where: { id: quiet.id } })).toMatchObject({ spoolDepth: 4 })

    await clock.advance(FLUSH_EVERY_MS)
    expect(await t.ctx.db.targetServer.findUniqueOrThrow({ where: { id: polled.id } })).toMatchObject({
      spoolDepth: 2,
      spoolOldestAt: new Date('2026-12-04T08:59:00.000Z'),
    })
    recorder.stop()
  })

  it('logs a batch that could not be written and goes on with the next', async () => {
    const clock = new FakeClock()
    const { log, records } = capturedLog()
    const recorder = started(clock, log)
    const [gone, next] = [await enlist(t.ctx, uniqueName()), await enlist(t.ctx, uniqueName())]
    recorder.record(gone.id, seenAt(clock.now()))
    // the poll sample of a target removed meanwhile breaks the batch's foreign key
    await t.ctx.db.targetServer.delete({ where: { id: gone.id } })
    await clock.advance(FLUSH_EVERY_MS)
    expect(records).toMatchObject([{ msg: 'could not record 1 polls' }])

    recorder.record(next.id, seenAt(clock.now()))
    await clock.advance(FLUSH_EVERY_MS)
    expect(await lastPollOf(next.id)).toEqual(new Date(clock.now() - FLUSH_EVERY_MS))
    expect(records).toHaveLength(1)
    recorder.stop()
  })

  it('stops writing on the clock at stop; a last flush writes what is left', async () => {
    const clock = new FakeClock()
    const recorder = started(clock)
    const target = await enlist(t.ctx, uniqueName())
    recorder.stop()
    expect(clock.pending()).toBe(0)
    recorder.record(target.id, seenAt(clock.now()))
    await recorder.flush()
    expect(await lastPollOf(target.id)).toEqual(new Date(clock.now()))
  })
})
