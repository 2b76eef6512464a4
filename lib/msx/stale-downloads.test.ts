import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { pendingInstructions } from './download-list'
import { acknowledgeInstructions } from './instructions'
import { postOperation } from './post-operation'
import { staleDownloads } from './stale-downloads'

const t = testDatabase()
const MINUTE = 60_000

/** A target (polling every `interval` s) with `count` instructions posted `ago` ms before now. */
async function waitingTarget({ interval = 60, count = 1, ago }: { interval?: number; count?: number; ago: number }) {
  const target = await enlist(t.ctx, uniqueName('LATE'), { pollIntervalSeconds: interval })
  for (let i = 0; i < count; i++)
    await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [target.name] } })
  await t.ctx.db.downloadInstruction.updateMany({
    where: { targetId: target.id },
    data: { datePosted: new Date(Date.now() - ago) },
  })
  return target
}

async function staleNames() {
  return (await staleDownloads(t.ctx.db, { limit: 1000 })).targets.map((s) => s.name)
}

describe('targets that leave their instructions waiting', () => {
  it('names a target whose oldest pending instruction is older than 3 poll intervals, and how long it waits', async () => {
    const target = await waitingTarget({ interval: 60, count: 2, ago: 4 * MINUTE })
    const stale = (await staleDownloads(t.ctx.db, { limit: 1000 })).targets.find((s) => s.name === target.name)
    expect(stale).toMatchObject({ pending: 2, pollIntervalSeconds: 60, lastPolled: null, polledSince: false })
    expect(Date.now() - Date.parse(stale?.waitingSince ?? '')).toBeGreaterThanOrEqual(4 * MINUTE)
  })

  it('leaves out a target still within 3 of its poll intervals', async () => {
    const recent = await waitingTarget({ interval: 60, ago: 2 * MINUTE })
    const slow = await waitingTarget({ interval: 600, ago: 20 * MINUTE })
    const names = await staleNames()
    expect(names).not.toContain(recent.name)
    expect(names).not.toContain(slow.name)
  })

  it('leaves out downloaded instructions and a target held by an error', async () => {
    const downloaded = await waitingTarget({ ago: 10 * MINUTE })
    const [done] = (await pendingInstructions(t.ctx.db, downloaded.id)).instructions
    await acknowledgeInstructions(t.ctx.db, downloaded.id, [{ id: done?.id ?? 0, ok: true }])
    const blocked = await waitingTarget({ count: 2, ago: 10 * MINUTE })
    const [failed] = (await pendingInstructions(t.ctx.db, blocked.id)).instructions
    await acknowledgeInstructions(t.ctx.db, blocked.id, [{ id: failed?.id ?? 0, ok: false, error: 'Proxy not found.' }])
    const names = await staleNames()
    expect(names).not.toContain(downloaded.name)
    expect(names).not.toContain(blocked.name)
  })

  it('says whether the target polled since, so it reaches the master but does not download', async () => {
    const target = await waitingTarget({ ago: 30 * MINUTE })
    await t.ctx.db.targetServer.update({ where: { id: target.id }, data: { lastPollAt: new Date() } })
    const stale = (await staleDownloads(t.ctx.db, { limit: 1000 })).targets.find((s) => s.name === target.name)
    expect(stale?.polledSince).toBe(true)
  })

  it('gives the ones waiting longest first, at most `limit`, with the count of all', async () => {
    const longest = await waitingTarget({ ago: 1000 * MINUTE })
    const next = await waitingTarget({ ago: 900 * MINUTE })
    const all = await staleDownloads(t.ctx.db, { limit: 1000 })
    const two = await staleDownloads(t.ctx.db, { limit: 2 })
    expect(two.targets.map((s) => s.name)).toEqual([longest.name, next.name])
    expect(two.total).toBe(all.total)
    expect(all.total).toBeGreaterThan(2)
  })
})
