// The cache of what targets have to download, on a real database: a target found clean is answered from memory
// until it is invalidated, a fetch that overlapped a post never marks it clean, and work fetched in a batch is
// handed to the target's next request only.
import { describe, expect, it } from 'vitest'
import { pendingInstructions } from '../../lib/msx/download-list'
import { postOperation } from '../../lib/msx/post-operation'
import { FakeClock } from '../../test/support/fake-clock'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { WorkCache } from './work-cache'

const t = testDatabase()

const postSyncTime = (...names: string[]) =>
  postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: names } })

/** Marks a target's instructions downloaded behind the cache's back, as another master process would. */
const downloadedElsewhere = (targetId: number) =>
  t.ctx.db.downloadInstruction.updateMany({ where: { targetId }, data: { status: 1, dateDownloaded: new Date() } })

describe('the work cache', () => {
  it('answers a target found clean from memory until it is invalidated', async () => {
    const cache = new WorkCache(t.ctx.db, new FakeClock())
    const target = await enlist(t.ctx, uniqueName())
    expect(await cache.work(target.id)).toEqual({ instructions: [], blockedBy: null })

    await postSyncTime(target.name)
    expect(await cache.work(target.id)).toEqual({ instructions: [], blockedBy: null })

    cache.invalidate(target.id)
    expect((await cache.work(target.id)).instructions).toMatchObject([{ operation: 'SYNC-TIME' }])
  })

  it('remembers what blocks a target, and forgets every clean target at forgetClean', async () => {
    const cache = new WorkCache(t.ctx.db, new FakeClock())
    const target = await enlist(t.ctx, uniqueName())
    await postSyncTime(target.name)
    const [instruction] = (await pendingInstructions(t.ctx.db, target.id)).instructions
    await t.ctx.db.downloadInstruction.update({
      where: { id: instruction?.id },
      data: { errorMessage: 'Clock not reachable.' },
    })
    const blocked = { instructions: [], blockedBy: { id: instruction?.id, errorMessage: 'Clock not reachable.' } }
    expect(await cache.work(target.id)).toEqual(blocked)

    await t.ctx.db.downloadInstruction.update({ where: { id: instruction?.id }, data: { errorMessage: null } })
    expect(await cache.work(target.id)).toEqual(blocked)
    cache.forgetClean()
    expect((await cache.work(target.id)).instructions).toMatchObject([{ id: instruction?.id }])
  })

  it('does not mark a target clean when it was invalidated while its work was being fetched', async () => {
    const cache = new WorkCache(t.ctx.db, new FakeClock())
    const target = await enlist(t.ctx, uniqueName())
    // the fetch reads the download list as it was before the post that invalidates the target meanwhile
    const fetching = cache.work(target.id)
    cache.invalidate(target.id)
    expect(await fetching).toEqual({ instructions: [], blockedBy: null })

    await postSyncTime(target.name)
    expect((await cache.work(target.id)).instructions).toMatchObject([{ operation: 'SYNC-TIME' }])
  })

  it('hands work fetched in a batch to each target once, then reads the database', async () => {
    const clock = new FakeClock()
    const cache = new WorkCache(t.ctx.db, clock)
    const [a, b, idle] = [
      await enlist(t.ctx, uniqueName()),
      await enlist(t.ctx, uniqueName()),
      await enlist(t.ctx, uniqueName()),
    ]
    await postSyncTime(a.name, b.name)
    await cache.prepare([a.id, b.id, idle.id])

    await downloadedElsewhere(a.id)
    await downloadedElsewhere(b.id)
    await postSyncTime(idle.name)
    const prepared = await cache.work(a.id)
    expect(prepared.instructions).toMatchObject([
      { operation: 'SYNC-TIME', masterTime: new Date(clock.now()).toISOString() },
    ])
    expect(await cache.work(a.id)).toEqual({ instructions: [], blockedBy: null })
    expect((await cache.work(b.id)).instructions).toHaveLength(1)
    // the target found with nothing to do is answered from memory
    expect(await cache.work(idle.id)).toEqual({ instructions: [], blockedBy: null })
  })

  it('keeps no batch work for a target invalidated while the batch was fetched', async () => {
    const cache = new WorkCache(t.ctx.db, new FakeClock())
    const [posted, idle] = [await enlist(t.ctx, uniqueName()), await enlist(t.ctx, uniqueName())]
    await postSyncTime(posted.name)
    const preparing = cache.prepare([posted.id, idle.id])
    cache.invalidate(posted.id)
    cache.invalidate(idle.id)
    await preparing

    await downloadedElsewhere(posted.id)
    await postSyncTime(idle.name)
    expect(await cache.work(posted.id)).toEqual({ instructions: [], blockedBy: null })
    expect((await cache.work(idle.id)).instructions).toHaveLength(1)
  })
})
