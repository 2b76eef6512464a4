// Acknowledgements of many targets in one transaction: each target's recorded as if it had been alone.
import { describe, expect, it } from 'vitest'
import { enlist, seedFleet, testDatabase, uniqueName } from '../../test/support/fixtures'
import { acknowledgeMany } from './acknowledgements'
import { pendingInstructions } from './download-list'
import { postOperation } from './post-operation'
import { resynchronizeTarget } from './resync'
import { suspectOfflineAt } from './status'

const t = testDatabase()

async function targetWith(operation: 'SET-POLL' | 'DEFECT' | 'SYNC-TIME') {
  const target = await enlist(t.ctx, uniqueName())
  await postOperation(t.ctx, {
    operation,
    ...(operation === 'SET-POLL' ? { value: 90 } : {}),
    recipients: { targets: [target.name] },
  })
  const [instruction] = (await pendingInstructions(t.ctx.db, target.id)).instructions
  return { target, id: instruction?.id ?? 0 }
}

describe('acknowledgeMany', () => {
  it('applies SET-POLL, completes DEFECT and records an error, target by target, in one call', async () => {
    const poll = await targetWith('SET-POLL')
    const defect = await targetWith('DEFECT')
    const failed = await targetWith('SYNC-TIME')
    const results = await acknowledgeMany(t.ctx.db, [
      { targetId: poll.target.id, acks: [{ id: poll.id, ok: true }] },
      { targetId: defect.target.id, acks: [{ id: defect.id, ok: true }] },
      { targetId: failed.target.id, acks: [{ id: failed.id, ok: false, error: 'Clock not reachable.' }] },
    ])
    expect(results).toEqual([{ enlisted: true }, { enlisted: false }, { enlisted: true }])
    expect((await t.ctx.db.targetServer.findUnique({ where: { id: poll.target.id } }))?.pollIntervalSeconds).toBe(90)
    expect(await t.ctx.db.targetServer.findUnique({ where: { id: defect.target.id } })).toBeNull()
    expect(await pendingInstructions(t.ctx.db, failed.target.id)).toEqual({
      blockedBy: { id: failed.id, errorMessage: 'Clock not reachable.' },
      instructions: [],
    })
  })

  it('ignores an acknowledgement of another target’s instruction, as for one target alone', async () => {
    const a = await targetWith('SYNC-TIME')
    const b = await targetWith('SYNC-TIME')
    await acknowledgeMany(t.ctx.db, [{ targetId: b.target.id, acks: [{ id: a.id, ok: true }] }])
    expect((await t.ctx.db.downloadInstruction.findUnique({ where: { id: a.id } }))?.status).toBe(0)
  })

  it('a fleet-wide SET-POLL acknowledged by 1,200 targets changes every interval and offline deadline', async () => {
    const prefix = uniqueName('ACK')
    await seedFleet(t.ctx.db, prefix, 1200)
    await postOperation(t.ctx, { operation: 'SET-POLL', value: 75, recipients: { all: true } })
    const targets = await t.ctx.db.targetServer.findMany({ where: { name: { startsWith: `${prefix}-` } } })
    const rows = await t.ctx.db.downloadInstruction.findMany({
      where: { targetId: { in: targets.slice(0, 900).map((x) => x.id) }, value: '75' },
    })
    const more = await t.ctx.db.downloadInstruction.findMany({
      where: { targetId: { in: targets.slice(900).map((x) => x.id) }, value: '75' },
    })
    const batch = [...rows, ...more].map((r) => ({ targetId: r.targetId ?? 0, acks: [{ id: r.id, ok: true }] }))
    expect(batch).toHaveLength(1200)
    const results = await acknowledgeMany(t.ctx.db, batch)
    expect(results.every((r) => r.enlisted)).toBe(true)
    const after = await t.ctx.db.targetServer.findMany({ where: { name: { startsWith: `${prefix}-` } } })
    for (const target of after) {
      expect(target.pollIntervalSeconds).toBe(75)
      expect(target.suspectOfflineAt?.getTime()).toBe(
        suspectOfflineAt(target.lastPollAt ?? target.enlistedAt, 75).getTime(),
      )
    }
  })

  it('a re-synchronizing target is back to normal once it has acknowledged everything', async () => {
    const target = await enlist(t.ctx, uniqueName())
    await resynchronizeTarget(t.ctx, target.name)
    expect((await t.ctx.db.targetServer.findUnique({ where: { id: target.id } }))?.state).toBe('RESYNC_PENDING')
    const { instructions } = await pendingInstructions(t.ctx.db, target.id)
    await acknowledgeMany(t.ctx.db, [{ targetId: target.id, acks: instructions.map((i) => ({ id: i.id, ok: true })) }])
    expect((await t.ctx.db.targetServer.findUnique({ where: { id: target.id } }))?.state).toBe('ENLISTED')
  })
})
