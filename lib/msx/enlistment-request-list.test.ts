import { describe, expect, it } from 'vitest'
import { testDatabase, uniqueName } from '../../test/support/fixtures'
import { listPendingRequestRows } from './enlistment-request-list'
import { approveEnlistmentRequests, rejectEnlistmentRequests, submitEnlistmentRequest } from './enlistment-requests'
import { MASTER_VERSION } from './versions'

const t = testDatabase()

const submit = (name: string) =>
  submitEnlistmentRequest(t.ctx.db, {
    name,
    location: 'Rack 4',
    agentVersion: MASTER_VERSION,
    keyFingerprint: `sha256:${name.toLowerCase().padEnd(64, '0')}`,
    csrPem: 'x'.repeat(5000),
    sourceAddress: '10.0.0.7',
  })

describe('the pending enlistment requests list', () => {
  it('lists waiting requests oldest first, JSON-ready and without their CSR; decided ones leave it', async () => {
    const [a, b, c] = [uniqueName('REQ'), uniqueName('REQ'), uniqueName('REQ')]
    for (const name of [a, b, c]) await submit(name)
    await approveEnlistmentRequests(t.ctx, [b])
    const list = await listPendingRequestRows(t.ctx.db)
    expect(list.total).toBe(2)
    expect(list.rows.map((r) => r.name)).toEqual([a, c])
    expect(list.rows[0]).toEqual({
      id: expect.any(Number),
      name: a,
      location: 'Rack 4',
      agentVersion: MASTER_VERSION,
      keyFingerprint: `sha256:${a.toLowerCase().padEnd(64, '0')}`,
      sourceAddress: '10.0.0.7',
      requestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      cannotEnlist: null,
    })
  })

  it('says why a request would be refused at Enlist: an agent version outside the accepted window', async () => {
    const name = uniqueName('NEW')
    await submitEnlistmentRequest(t.ctx.db, {
      name,
      agentVersion: '9.0.0',
      keyFingerprint: `sha256:${name.toLowerCase().padEnd(64, '0')}`,
    })
    const row = (await listPendingRequestRows(t.ctx.db)).rows.find((r) => r.name === name)
    expect(row?.cannotEnlist).toBe(
      `${name} runs agent version 9.0.0, which is newer than the master: this master (version ${MASTER_VERSION}) accepts agents 0.0.0 to ${MASTER_VERSION}. Upgrade the master first.`,
    )
    await rejectEnlistmentRequests(t.ctx, [name])
  })

  it('shows at most the limit, and counts every request waiting', async () => {
    const list = await listPendingRequestRows(t.ctx.db, 1)
    expect(list.rows).toHaveLength(1)
    expect(list.total).toBe(2)
  })
})
