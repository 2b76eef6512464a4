// The download list of many targets at once (the gateway waking many long polls): the same answer, target by
// target, as asking for each alone.
import { describe, expect, it } from 'vitest'
import { enlist, seedFleet, testDatabase, uniqueName } from '../../test/support/fixtures'
import { pendingInstructions, pendingInstructionsOf } from './download-list'
import { acknowledgeInstructions } from './instructions'
import { postOperation } from './post-operation'

const t = testDatabase()

describe('pendingInstructionsOf', () => {
  it('answers for each target as pendingInstructions does: in order, blocked by an error, or nothing', async () => {
    const [a, b, c] = await Promise.all([
      enlist(t.ctx, uniqueName()),
      enlist(t.ctx, uniqueName()),
      enlist(t.ctx, uniqueName()),
    ])
    if (!a || !b || !c) throw new Error('not enlisted')
    await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [a.name, b.name] } })
    await postOperation(t.ctx, { operation: 'SET-POLL', value: 30, recipients: { targets: [a.name, b.name] } })
    const [failing] = (await pendingInstructions(t.ctx.db, b.id)).instructions
    await acknowledgeInstructions(t.ctx.db, b.id, [{ id: failing?.id ?? 0, ok: false, error: 'Proxy not found.' }])

    const batch = await pendingInstructionsOf(t.ctx.db, [a.id, b.id, c.id, a.id])
    expect([...batch.keys()].sort()).toEqual([a.id, b.id, c.id].sort())
    for (const target of [a, b, c]) expect(batch.get(target.id)).toEqual(await pendingInstructions(t.ctx.db, target.id))
    expect(batch.get(a.id)?.instructions.map((i) => i.operation)).toEqual(['SYNC-TIME', 'SET-POLL'])
    expect(batch.get(b.id)).toEqual({
      blockedBy: { id: failing?.id, errorMessage: 'Proxy not found.' },
      instructions: [],
    })
    expect(batch.get(c.id)).toEqual({ blockedBy: null, instructions: [] })
  })

  it('keeps to the limit per target', async () => {
    const target = await enlist(t.ctx, uniqueName())
    const other = await enlist(t.ctx, uniqueName())
    for (let i = 0; i < 3; i++)
      await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [target.name, other.name] } })
    const batch = await pendingInstructionsOf(t.ctx.db, [target.id, other.id], 2)
    expect(batch.get(target.id)?.instructions).toHaveLength(2)
    expect(batch.get(other.id)?.instructions).toHaveLength(2)
  })

  it('asks for thousands of targets in several queries, within the database’s limit on parameters', async () => {
    const prefix = uniqueName('WIDE')
    await seedFleet(t.ctx.db, prefix, 2500)
    await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { all: true } })
    const ids = (
      await t.ctx.db.targetServer.findMany({ where: { name: { startsWith: `${prefix}-` } }, select: { id: true } })
    ).map((row) => row.id)
    const batch = await pendingInstructionsOf(t.ctx.db, ids)
    expect(batch.size).toBe(2500)
    expect([...batch.values()].every((p) => p.instructions.length === 1 && p.blockedBy === null)).toBe(true)
  })
})
