import { describe, expect, it } from 'vitest'
import { testDatabase, uniqueName } from '../../test/support/fixtures'
import {
  approveEnlistmentRequests,
  listPendingRequests,
  rejectEnlistmentRequests,
  submitEnlistmentRequest,
} from './enlistment-requests'
import {
  consumeEnlistmentToken,
  createEnlistmentToken,
  hashToken,
  listEnlistmentTokens,
  revokeEnlistmentToken,
} from './enlistment-tokens'
import { listTargets } from './target-list'
import { MASTER_VERSION } from './versions'

const t = testDatabase()

const request = (name: string, key = `key-${name}-0123456789`) => ({
  name,
  location: 'Lab',
  agentVersion: MASTER_VERSION,
  keyFingerprint: key,
  sourceAddress: '127.0.0.1',
})

describe('enlistment tokens', () => {
  it('stores only a hash of the secret, and counts down its uses', async () => {
    const { secret, token } = await createEnlistmentToken(t.ctx, { uses: 2 })
    expect(secret).toMatch(/^msxe_[\w-]{32}$/)
    expect(token.tokenHash).toBe(hashToken(secret))
    expect(JSON.stringify(await t.ctx.db.enlistmentToken.findUnique({ where: { id: token.id } }))).not.toContain(secret)
    await t.ctx.db.$transaction((tx) => consumeEnlistmentToken(tx, secret))
    await t.ctx.db.$transaction((tx) => consumeEnlistmentToken(tx, secret))
    await expect(t.ctx.db.$transaction((tx) => consumeEnlistmentToken(tx, secret))).rejects.toThrow(
      'The enlistment token has been used up',
    )
  })

  it('refuses an unknown, an expired and a revoked token, saying what to do', async () => {
    await expect(t.ctx.db.$transaction((tx) => consumeEnlistmentToken(tx, 'msxe_nope'))).rejects.toThrow(
      'The enlistment token is not known to this master: create one with `msx token create`.',
    )
    const expired = await createEnlistmentToken(t.ctx, { expiresInSeconds: 60 })
    await expect(
      t.ctx.db.$transaction((tx) => consumeEnlistmentToken(tx, expired.secret, new Date(Date.now() + 61_000))),
    ).rejects.toThrow('The enlistment token expired on')
    const revoked = await createEnlistmentToken(t.ctx)
    await revokeEnlistmentToken(t.ctx, revoked.token.id)
    await expect(t.ctx.db.$transaction((tx) => consumeEnlistmentToken(tx, revoked.secret))).rejects.toThrow(
      'The enlistment token was revoked',
    )
  })

  it('lists the tokens that still enlist, newest first; with all, every one and why it no longer does', async () => {
    const usable = await createEnlistmentToken(t.ctx, { label: 'rack 4', uses: 3 })
    const usedUp = await createEnlistmentToken(t.ctx, { uses: 1 })
    await t.ctx.db.$transaction((tx) => consumeEnlistmentToken(tx, usedUp.secret))
    const revoked = await createEnlistmentToken(t.ctx)
    await revokeEnlistmentToken(t.ctx, revoked.token.id)
    const expired = await createEnlistmentToken(t.ctx, { expiresInSeconds: 60 })
    const later = new Date(Date.now() + 61_000)
    const ids = [usable, usedUp, revoked, expired].map((created) => created.token.id)
    const listed = async (all: boolean) =>
      (await listEnlistmentTokens(t.ctx.db, { all, now: later })).filter((row) => ids.includes(row.id))

    expect(await listed(false)).toEqual([
      expect.objectContaining({ id: usable.token.id, label: 'rack 4', state: 'usable', usesLeft: 3 }),
    ])
    expect((await listed(true)).map((row) => [row.id, row.state])).toEqual([
      [expired.token.id, 'expired'],
      [revoked.token.id, 'revoked'],
      [usedUp.token.id, 'used up'],
      [usable.token.id, 'usable'],
    ])
    expect(JSON.stringify(await listed(true))).not.toContain(usable.secret)
    await expect(revokeEnlistmentToken(t.ctx, 999_999)).rejects.toThrow('There is no enlistment token 999999.')
  })

  it('refuses a lifetime or use count out of range', async () => {
    await expect(createEnlistmentToken(t.ctx, { expiresInSeconds: 10 })).rejects.toThrow(
      'A token lives from 1 minute to 365 days.',
    )
    await expect(createEnlistmentToken(t.ctx, { uses: 0 })).rejects.toThrow(
      'A token allows from 1 to 1,000,000 enlistments.',
    )
  })
})

describe('enlistment requests', () => {
  it('waits as a request, then the approved target is pending enlistment until its agent collects its certificate', async () => {
    const name = uniqueName()
    const submitted = await submitEnlistmentRequest(t.ctx.db, request(name))
    expect(submitted.state).toBe('PENDING')
    expect(await submitEnlistmentRequest(t.ctx.db, request(name))).toMatchObject({ id: submitted.id })
    expect((await listPendingRequests(t.ctx.db)).map((r) => r.name)).toContain(name)
    await approveEnlistmentRequests(t.ctx, [name.toLowerCase()])
    const { rows } = await listTargets(t.ctx.db, { search: name })
    expect(rows).toEqual([
      expect.objectContaining({ name, location: 'Lab', status: 'Pending enlistment', enlistedBy: 'admin' }),
    ])
    expect((await t.ctx.db.enlistmentRequest.findUnique({ where: { id: submitted.id } }))?.state).toBe('APPROVED')
  })

  it('refuses a second request for a waiting name from another key, and a request for an enlisted name', async () => {
    const name = uniqueName()
    await submitEnlistmentRequest(t.ctx.db, request(name))
    await expect(submitEnlistmentRequest(t.ctx.db, request(name, 'another-key-0123456789'))).rejects.toThrow(
      `A request to enlist ${name} from another key is already waiting for approval`,
    )
    await approveEnlistmentRequests(t.ctx, [name])
    await expect(submitEnlistmentRequest(t.ctx.db, request(name, 'third-key-0123456789'))).rejects.toThrow(
      `${name} is already enlisted into master MSX1: defect it first.`,
    )
  })

  it('files a request from an agent version the master does not accept, and refuses to enlist it, naming it', async () => {
    const name = uniqueName()
    const submitted = await submitEnlistmentRequest(t.ctx.db, { ...request(name), agentVersion: '9.0.0' })
    expect(submitted).toMatchObject({ state: 'PENDING', agentVersion: '9.0.0' })
    await expect(approveEnlistmentRequests(t.ctx, [name])).rejects.toThrow(
      `${name} runs agent version 9.0.0, which is newer than the master: this master (version ${MASTER_VERSION}) accepts agents 0.0.0 to ${MASTER_VERSION}. Upgrade the master first.`,
    )
    expect(await t.ctx.db.enlistmentRequest.findUnique({ where: { id: submitted.id } })).toMatchObject({
      state: 'PENDING',
    })
    // the agent, upgraded, asks again with the same key: the request takes its new version and can be enlisted
    await submitEnlistmentRequest(t.ctx.db, { ...request(name), agentVersion: MASTER_VERSION })
    await expect(approveEnlistmentRequests(t.ctx, [name])).resolves.toHaveLength(1)
  })

  it('records the encryption mode and clock skew the agent reported, and enlists with its encryption mode', async () => {
    const name = uniqueName()
    const submitted = await submitEnlistmentRequest(t.ctx.db, {
      ...request(name),
      encryptionMode: 'no-verify',
      clockSkewMs: 42_000,
    })
    expect(submitted).toMatchObject({ encryptionMode: 'no-verify', clockSkewMs: 42_000 })
    const older = await submitEnlistmentRequest(t.ctx.db, request(uniqueName()))
    expect(older).toMatchObject({ encryptionMode: 'strict', clockSkewMs: null })
    const [target] = await approveEnlistmentRequests(t.ctx, [name])
    expect(target?.encryptionMode).toBe('no-verify')
  })

  it('rejects requests with a reason, and approving them afterwards is refused', async () => {
    const [a, b] = [uniqueName(), uniqueName()]
    await submitEnlistmentRequest(t.ctx.db, request(a))
    await submitEnlistmentRequest(t.ctx.db, request(b))
    expect(await rejectEnlistmentRequests(t.ctx, [a, b], 'unknown host')).toEqual([a, b])
    const rejected = await t.ctx.db.enlistmentRequest.findFirst({ where: { name: a } })
    expect(rejected).toMatchObject({ state: 'REJECTED', reason: 'unknown host', decidedBy: 'admin' })
    await expect(approveEnlistmentRequests(t.ctx, [a])).rejects.toThrow(`No enlistment request is waiting for "${a}".`)
  })
})
