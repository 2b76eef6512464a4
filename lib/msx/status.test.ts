import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { acknowledgeInstructions } from './instructions'
import { postOperation } from './post-operation'
import { resynchronizeTarget } from './resync'
import { statusFilter, suspectOfflineAt, TARGET_STATUSES, targetLocalTime, targetStatus } from './status'
import { listTargets } from './target-list'

const t = testDatabase()
const minute = 60_000

describe('target status', () => {
  const base = {
    state: 'ENLISTED',
    enlistedAt: new Date('2026-01-01T00:00:00Z'),
    pollIntervalSeconds: 60,
    blockingInstruction: null,
  }
  const at = (lastPollAt: Date) => ({ ...base, lastPollAt, suspectOfflineAt: suspectOfflineAt(lastPollAt, 60) })
  const polled = new Date('2026-01-01T10:00:00Z')

  it('is Normal within 3 poll intervals of the last poll and Suspected offline after', () => {
    expect(targetStatus(at(polled), new Date(polled.getTime() + 3 * minute)).status).toBe('Normal')
    const late = targetStatus(at(polled), new Date(polled.getTime() + 3 * minute + 1000))
    expect(late).toEqual({
      status: 'Suspected offline',
      reason: 'Suspected offline: last poll 3 min ago, more than 3 x its 60 s interval.',
    })
  })

  it('is Blocked while an instruction carries an error, saying which and what to do', () => {
    const blocked = targetStatus(
      { ...at(polled), blockingInstruction: { id: 4182, errorMessage: 'Proxy not found.' } },
      polled,
    )
    expect(blocked.status).toBe('Blocked')
    expect(blocked.reason).toContain('Instruction 4182 failed: Proxy not found.')
  })

  it('shows the product’s own states', () => {
    expect(targetStatus({ ...at(polled), state: 'PENDING' }, polled).status).toBe('Pending enlistment')
    expect(targetStatus({ ...at(polled), state: 'DEFECTING' }, polled).status).toBe('Defecting')
    expect(targetStatus({ ...at(polled), state: 'RESYNC_PENDING' }, polled).status).toBe('Re-sync pending')
  })

  it('computes local time as local time at last poll plus the time elapsed since', () => {
    const local = new Date('2026-01-01T12:00:05Z') // its clock runs 5 s ahead, shown in its own zone
    expect(
      targetLocalTime({ lastPollAt: polled, localTimeAtLastPoll: local }, new Date(polled.getTime() + 10 * minute)),
    ).toEqual(new Date('2026-01-01T12:10:05Z'))
    expect(targetLocalTime({ lastPollAt: null, localTimeAtLastPoll: null }, polled)).toBeNull()
  })
})

describe('status in the database', () => {
  it('filters by each status exactly as each row’s status is computed', async () => {
    const prefix = uniqueName('ST')
    const now = new Date()
    const make = async (suffix: string, data: Record<string, unknown> = {}) => {
      const target = await enlist(t.ctx, `${prefix}-${suffix}`)
      await t.ctx.db.targetServer.update({ where: { id: target.id }, data })
      return target
    }
    await make('normal', { lastPollAt: now, suspectOfflineAt: suspectOfflineAt(now, 60) })
    await make('offline', {
      lastPollAt: new Date(now.getTime() - 10 * minute),
      suspectOfflineAt: new Date(now.getTime() - 7 * minute),
    })
    await make('pending', { state: 'PENDING' })
    await make('firstpoll')
    const blocked = await make('blocked')
    await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [blocked.name] } })
    const [instruction] = await t.ctx.db.downloadInstruction.findMany({ where: { targetId: blocked.id } })
    await acknowledgeInstructions(t.ctx.db, blocked.id, [
      { id: instruction?.id ?? 0, ok: false, error: 'Proxy not found.' },
    ])
    const resync = await make('resync')
    await resynchronizeTarget(t.ctx, resync.name)
    const defecting = await make('defecting')
    await postOperation(t.ctx, { operation: 'DEFECT', recipients: { targets: [defecting.name] } })

    const all = await listTargets(t.ctx.db, { search: prefix, pageSize: 100 }, now)
    expect(Object.fromEntries(all.rows.map((r) => [r.name.slice(prefix.length + 1), r.status]))).toEqual({
      normal: 'Normal',
      offline: 'Suspected offline',
      pending: 'Pending enlistment',
      firstpoll: 'Pending enlistment',
      blocked: 'Blocked',
      resync: 'Re-sync pending',
      defecting: 'Defecting',
    })
    for (const status of TARGET_STATUSES) {
      const filtered = await listTargets(t.ctx.db, { search: prefix, status }, now)
      expect({ status, names: filtered.rows.map((r) => r.name) }).toEqual({
        status,
        names: all.rows.filter((r) => r.status === status).map((r) => r.name),
      })
    }
    expect(statusFilter('Normal', now)).toBeTruthy()
  })

  it('counts unread instructions and sorts and pages the list', async () => {
    const prefix = uniqueName('PG')
    for (const suffix of ['c', 'a', 'b']) await enlist(t.ctx, `${prefix}-${suffix}`, { location: `room ${suffix}` })
    await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [`${prefix}-a`] } })
    const page1 = await listTargets(t.ctx.db, { search: prefix, sort: 'name', dir: 'desc', pageSize: 2 })
    expect(page1.total).toBe(3)
    expect(page1.rows.map((r) => r.name)).toEqual([`${prefix}-c`, `${prefix}-b`])
    const page2 = await listTargets(t.ctx.db, { search: prefix, sort: 'name', dir: 'desc', pageSize: 2, page: 2 })
    expect(page2.rows.map((r) => [r.name, r.unreadInstructions])).toEqual([[`${prefix}-a`, 1]])
    const byLocation = await listTargets(t.ctx.db, { search: 'room b' })
    expect(byLocation.rows.map((r) => r.name)).toEqual([`${prefix}-b`])
  })
})
