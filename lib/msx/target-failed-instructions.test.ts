// A target is listed as Blocked exactly while one of its instructions carries an error: the count the database
// keeps follows each failure, clear, delete and re-synchronization, one instruction at a time.
import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { acknowledgeInstructions, clearInstructionErrors, deleteInstructions } from './instructions'
import { postOperation } from './post-operation'
import { resynchronizeTarget } from './resync'
import { suspectOfflineAt } from './status'
import { listTargets } from './target-list'

const t = testDatabase()

async function polledTarget(name: string) {
  const target = await enlist(t.ctx, name)
  const now = new Date()
  await t.ctx.db.targetServer.update({
    where: { id: target.id },
    data: { lastPollAt: now, suspectOfflineAt: suspectOfflineAt(now, 3600) },
  })
  return target
}

async function failSyncTimes(target: { id: number; name: string }, count: number) {
  for (let i = 0; i < count; i++)
    await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [target.name] } })
  const posted = await t.ctx.db.downloadInstruction.findMany({
    where: { targetId: target.id, operation: 'SYNC-TIME', errorMessage: null },
    orderBy: { id: 'asc' },
  })
  await acknowledgeInstructions(
    t.ctx.db,
    target.id,
    posted.map((p) => ({ id: p.id, ok: false, error: 'Proxy not found.' })),
  )
  return posted.map((p) => p.id)
}

describe('a target blocked by its failed instructions', () => {
  it('is listed as Blocked until every failed instruction is cleared or deleted', async () => {
    const prefix = uniqueName('FI')
    const target = await polledTarget(`${prefix}-a`)
    await polledTarget(`${prefix}-b`)
    const statusOf = async () => {
      const blocked = await listTargets(t.ctx.db, { search: prefix, status: 'Blocked' })
      const normal = await listTargets(t.ctx.db, { search: prefix, status: 'Normal' })
      return {
        blocked: blocked.rows.map((r) => r.name),
        normal: normal.rows.map((r) => r.name),
        blockedTotal: blocked.total,
      }
    }
    expect(await statusOf()).toEqual({ blocked: [], normal: [`${prefix}-a`, `${prefix}-b`], blockedTotal: 0 })

    const [first, second] = await failSyncTimes(target, 2)
    expect(await statusOf()).toEqual({ blocked: [`${prefix}-a`], normal: [`${prefix}-b`], blockedTotal: 1 })

    await clearInstructionErrors(t.ctx, [first ?? 0])
    expect((await statusOf()).blocked).toEqual([`${prefix}-a`])

    await deleteInstructions(t.ctx, [second ?? 0])
    expect(await statusOf()).toEqual({ blocked: [], normal: [`${prefix}-a`, `${prefix}-b`], blockedTotal: 0 })
  })

  it('is no longer Blocked once re-synchronized', async () => {
    const prefix = uniqueName('FR')
    const target = await polledTarget(`${prefix}-a`)
    await failSyncTimes(target, 1)
    expect((await listTargets(t.ctx.db, { search: prefix, status: 'Blocked' })).total).toBe(1)
    await resynchronizeTarget(t.ctx, target.name)
    expect((await listTargets(t.ctx.db, { search: prefix, status: 'Blocked' })).total).toBe(0)
    expect((await listTargets(t.ctx.db, { search: prefix })).rows.map((r) => r.status)).toEqual(['Re-sync pending'])
  })
})
