// The long polls on a fake clock: each answers once, on work, on its time running out, or on the agent going away,
// and leaves nothing behind (no entry for its target, no timer).
import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../test/support/fake-clock'
import { PollWaiters } from './poll-waiters'

const never = () => {}

/** A long poll and whether it has answered yet. */
function open(waiters: PollWaiters, targetId: number, ms: number, until: (stop: () => void) => void = never) {
  const poll = { answered: false, done: Promise.resolve() }
  poll.done = waiters.wait(targetId, ms, until).then(() => {
    poll.answered = true
  })
  return poll
}

describe('the long polls', () => {
  it('answers every poll of a target released for work, and only that target', async () => {
    const clock = new FakeClock()
    const waiters = new PollWaiters(clock)
    const first = open(waiters, 1, 30_000)
    const second = open(waiters, 1, 30_000)
    const other = open(waiters, 2, 30_000)
    expect(waiters.count()).toBe(3)

    waiters.release(1)
    await Promise.all([first.done, second.done])
    expect(waiters.has(1)).toBe(false)
    expect(other.answered).toBe(false)
    expect(waiters.targets()).toEqual([2])
    expect(clock.pending()).toBe(1)
  })

  it('answers a poll when its time runs out, not before', async () => {
    const clock = new FakeClock()
    const waiters = new PollWaiters(clock)
    const poll = open(waiters, 1, 30_000)
    await clock.advance(29_999)
    expect(poll.answered).toBe(false)
    await clock.advance(1)
    await poll.done
    expect(waiters.has(1)).toBe(false)
    expect(waiters.count()).toBe(0)
  })

  it('answers a poll whose agent went away, and forgets its timer', async () => {
    const clock = new FakeClock()
    const waiters = new PollWaiters(clock)
    let goneAway = never
    const poll = open(waiters, 1, 30_000, (stop) => {
      goneAway = stop
    })
    const staying = open(waiters, 1, 30_000)
    goneAway()
    await poll.done
    expect(staying.answered).toBe(false)
    expect(waiters.count()).toBe(1)
    expect(clock.pending()).toBe(1)

    waiters.release(1)
    await staying.done
    expect(waiters.has(1)).toBe(false)
    expect(clock.pending()).toBe(0)
  })

  it('answers a poll once, whichever of work, time and departure comes first', async () => {
    const clock = new FakeClock()
    const waiters = new PollWaiters(clock)
    let goneAway = never
    let answers = 0
    const poll = waiters
      .wait(1, 1000, (stop) => {
        goneAway = stop
      })
      .then(() => answers++)
    waiters.release(1)
    goneAway()
    await clock.advance(1000)
    await poll
    expect(answers).toBe(1)
    // a poll opened afterwards for the same target is not answered by the first one's leftovers
    const later = open(waiters, 1, 5000)
    goneAway()
    await clock.advance(4999)
    expect(later.answered).toBe(false)
    expect(waiters.count()).toBe(1)
  })

  it('answers every poll of every target at releaseAll (the gateway stopping)', async () => {
    const waiters = new PollWaiters(new FakeClock())
    const polls = [open(waiters, 1, 30_000), open(waiters, 2, 30_000), open(waiters, 2, 30_000)]
    waiters.releaseAll()
    await Promise.all(polls.map((poll) => poll.done))
    expect(waiters.count()).toBe(0)
    expect(waiters.targets()).toEqual([])
  })
})
