// The gateway's memory of refused requests, on a fake clock and a real database: counted in memory, written in
// one batch, bounded against certificates from anywhere.
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../lib/log'
import { defectTarget } from '../../lib/msx/targets'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { MAX_UNKNOWN_REMEMBERED, RefusalMemory, type Refused } from './refusal-memory'

const t = testDatabase()
const log = createLogger('silent')

function fakeClock(start: number) {
  const clock = { at: start, now: () => clock.at }
  return clock
}

const refused = (over: Partial<Refused>): Refused => ({
  fingerprint: `sha256:${'0'.repeat(64)}`,
  subject: null,
  targetId: null,
  targetName: null,
  reason: 'certificate_unknown',
  message: 'No target server holds this certificate on the master: enlist again.',
  address: '10.1.2.3',
  agentVersion: null,
  ...over,
})

describe('the memory of refused requests', () => {
  it('counts many refusals of one certificate and writes them as one row when it flushes', async () => {
    const target = await enlist(t.ctx, uniqueName())
    const clock = fakeClock(Date.parse('2026-12-03T09:00:00Z'))
    const memory = new RefusalMemory(t.ctx.db, log, clock.now)
    const fingerprint = `sha256:${'a'.repeat(64)}`
    const tooOld = refused({
      fingerprint,
      targetId: target.id,
      targetName: target.name,
      reason: 'version_refused',
      agentVersion: '0.0.1',
    })
    for (let i = 0; i < 500; i++) {
      clock.at += 1000
      memory.note({ ...tooOld, address: `10.1.2.${i % 2}` })
    }
    expect(await t.ctx.db.refusedRequest.count({ where: { fingerprint } })).toBe(0)
    await memory.flush()
    expect(await t.ctx.db.refusedRequest.findMany({ where: { fingerprint } })).toEqual([
      expect.objectContaining({
        count: 500,
        targetId: target.id,
        reason: 'version_refused',
        address: '10.1.2.1',
        firstAt: new Date('2026-12-03T09:00:01Z'),
        lastAt: new Date('2026-12-03T09:08:20Z'),
      }),
    ])

    memory.note(tooOld)
    await memory.flush()
    expect(await t.ctx.db.refusedRequest.findUnique({ where: { fingerprint } })).toMatchObject({
      count: 501,
      firstAt: new Date('2026-12-03T09:00:01Z'),
    })
  })

  it('keeps a refusal of a target that is removed before the batch is written, unlinked', async () => {
    const target = await enlist(t.ctx, uniqueName())
    const memory = new RefusalMemory(t.ctx.db, log)
    const fingerprint = `sha256:${'b'.repeat(64)}`
    memory.note(refused({ fingerprint, targetId: target.id, targetName: target.name, reason: 'bad_request' }))
    await defectTarget(t.ctx, target.name, { force: true })
    await memory.flush()
    expect(await t.ctx.db.refusedRequest.findUnique({ where: { fingerprint } })).toMatchObject({
      targetId: null,
      nameKey: target.name.toUpperCase(),
    })
  })

  it('remembers a bounded number of unknown certificates between batches', async () => {
    const memory = new RefusalMemory(t.ctx.db, log)
    for (let i = 0; i < MAX_UNKNOWN_REMEMBERED + 500; i++) memory.note(refused({ fingerprint: `sha256:unknown-${i}` }))
    expect(memory.unwritten()).toHaveLength(MAX_UNKNOWN_REMEMBERED)
    // a known target's refusal still finds room
    memory.note(refused({ fingerprint: 'sha256:known', targetName: 'SQL01', reason: 'certificate_revoked' }))
    expect(memory.unwritten()).toHaveLength(MAX_UNKNOWN_REMEMBERED + 1)
    await memory.flush()
    expect(memory.unwritten()).toHaveLength(0)
    expect(await t.ctx.db.refusedRequest.count({ where: { fingerprint: { startsWith: 'sha256:unknown-' } } })).toBe(
      MAX_UNKNOWN_REMEMBERED,
    )
  })
})
