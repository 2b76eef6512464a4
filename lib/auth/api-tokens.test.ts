import { describe, expect, it } from 'vitest'
import { testDatabase, uniqueName } from '../../test/support/fixtures'
import type { MsxContext } from '../msx/context'
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens'
import type { Role } from './roles'
import { authenticate, type SessionUser } from './sessions'
import { createUser } from './users'

const t = testDatabase()

async function newUser(role: Role): Promise<{ user: SessionUser; ctx: MsxContext }> {
  const name = uniqueName(role)
  const created = await createUser(t.ctx, { name, role, password: 'correct horse battery' })
  return { user: { id: created.id, name, role }, ctx: { db: t.ctx.db, actor: { name, address: '192.0.2.1' } } }
}

describe('API tokens', () => {
  it('are created for their owner, shown once, and listed by label and hint only', async () => {
    const { user, ctx } = await newUser('operator')
    const token = await createApiToken(ctx, user, { label: 'build server', expiresInDays: 30 })
    expect(token.secret).toMatch(/^msx_[\w-]{43}$/)
    expect((await authenticate(t.ctx.db, token.secret, 'api'))?.user).toEqual(user)
    const rows = await listApiTokens(ctx, user)
    expect(rows).toEqual([
      expect.objectContaining({
        id: token.id,
        user: user.name,
        label: 'build server',
        hint: `${token.secret.slice(0, 10)}…`,
        address: '192.0.2.1',
        expiresAt: token.expiresAt.toISOString(),
      }),
    ])
    expect(JSON.stringify(rows)).not.toContain(token.secret)
    const event = await t.ctx.db.auditEvent.findFirst({ where: { action: 'api-token.create', actor: user.name } })
    expect(event).toMatchObject({ objectName: `${user.name}: build server` })
  })

  it('refuses a lifetime out of range', async () => {
    const { user, ctx } = await newUser('viewer')
    await expect(createApiToken(ctx, user, { expiresInDays: 0 })).rejects.toThrow('a token lasts from 1 to 365 days')
    await expect(createApiToken(ctx, user, { expiresInDays: 366 })).rejects.toThrow('a token lasts from 1 to 365 days')
    expect(await listApiTokens(ctx, user)).toEqual([])
  })

  it('a revoked token no longer authenticates', async () => {
    const { user, ctx } = await newUser('viewer')
    const token = await createApiToken(ctx, user, { label: 'old laptop' })
    await revokeApiToken(ctx, user, token.id)
    expect(await authenticate(t.ctx.db, token.secret, 'api')).toBeNull()
    expect(await listApiTokens(ctx, user)).toEqual([])
    const event = await t.ctx.db.auditEvent.findFirst({ where: { action: 'api-token.revoke', actor: user.name } })
    expect(event).toMatchObject({ objectName: `${user.name}: old laptop` })
    await expect(revokeApiToken(ctx, user, token.id)).rejects.toThrow(`There is no API token ${token.id} of yours`)
  })

  it('a user cannot revoke or see another user’s token, an administrator can', async () => {
    const alice = await newUser('operator')
    const bob = await newUser('viewer')
    const admin = await newUser('administrator')
    const aliceToken = await createApiToken(alice.ctx, alice.user, { label: 'alice' })
    const bobToken = await createApiToken(bob.ctx, bob.user, { label: 'bob' })

    await expect(revokeApiToken(bob.ctx, bob.user, aliceToken.id)).rejects.toThrow(
      `There is no API token ${aliceToken.id} of yours: msx api-token list shows them.`,
    )
    expect(await authenticate(t.ctx.db, aliceToken.secret, 'api')).not.toBeNull()

    // `all` is only an administrator's
    expect((await listApiTokens(bob.ctx, bob.user, { all: true })).map((r) => r.id)).toEqual([bobToken.id])
    expect((await listApiTokens(alice.ctx, alice.user, { all: true })).map((r) => r.id)).toEqual([aliceToken.id])
    expect(await listApiTokens(admin.ctx, admin.user)).toEqual([])
    const everyone = (await listApiTokens(admin.ctx, admin.user, { all: true })).map((r) => r.id)
    expect(everyone).toEqual(expect.arrayContaining([aliceToken.id, bobToken.id]))

    await revokeApiToken(admin.ctx, admin.user, aliceToken.id)
    expect(await authenticate(t.ctx.db, aliceToken.secret, 'api')).toBeNull()
    expect(await authenticate(t.ctx.db, bobToken.secret, 'api')).not.toBeNull()
  })

  it('a browser session is not a token that can be revoked here', async () => {
    const { user, ctx } = await newUser('administrator')
    const session = await t.ctx.db.session.create({
      data: {
        tokenHash: `not-a-real-hash-${user.id}`,
        userId: user.id,
        kind: 'browser',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    })
    await expect(revokeApiToken(ctx, user, session.id)).rejects.toThrow(`There is no API token ${session.id} of yours`)
    expect(await t.ctx.db.session.findUnique({ where: { id: session.id } })).not.toBeNull()
  })
})
