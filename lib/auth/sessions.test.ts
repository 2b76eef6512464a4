import { describe, expect, it } from 'vitest'
import { testDatabase, uniqueName } from '../../test/support/fixtures'
import { authenticate, BROWSER_IDLE_HOURS, createSession, pruneSessions } from './sessions'
import { createUser, setUserDisabled } from './users'

const t = testDatabase()

const HOUR = 3_600_000
const later = (from: Date, ms: number) => new Date(from.getTime() + ms)

async function newUser() {
  const name = uniqueName('user')
  const user = await createUser(t.ctx, { name, role: 'operator', password: 'correct horse battery' })
  return { name, id: user.id }
}

const expiry = async (id: number) => (await t.ctx.db.session.findUniqueOrThrow({ where: { id } })).expiresAt

describe('browser sessions', () => {
  it('end after 12 hours without a request', async () => {
    const { id } = await newUser()
    const t0 = new Date()
    const session = await createSession(t.ctx.db, id, { kind: 'browser' }, t0)
    expect(session.expiresAt).toEqual(later(t0, BROWSER_IDLE_HOURS * HOUR))
    expect(await authenticate(t.ctx.db, session.secret, 'browser', later(t0, 12 * HOUR))).toBeNull()
    expect(await authenticate(t.ctx.db, session.secret, 'browser', later(t0, 12 * HOUR - 1000))).not.toBeNull()
    // that request came at 11:59:59: the session now lasts until 12 hours after it
    expect(await authenticate(t.ctx.db, session.secret, 'browser', later(t0, 24 * HOUR - 1000))).toBeNull()
  })

  it('slide: a request more than a minute after the last one extends them', async () => {
    const { id } = await newUser()
    const t0 = new Date()
    const session = await createSession(t.ctx.db, id, { kind: 'browser' }, t0)
    await authenticate(t.ctx.db, session.secret, 'browser', later(t0, 30_000))
    expect(await expiry(session.id)).toEqual(session.expiresAt)
    await authenticate(t.ctx.db, session.secret, 'browser', later(t0, 2 * HOUR))
    expect(await expiry(session.id)).toEqual(later(t0, 14 * HOUR))
    expect(await authenticate(t.ctx.db, session.secret, 'browser', later(t0, 13 * HOUR))).not.toBeNull()
    expect(await authenticate(t.ctx.db, session.secret, 'browser', later(t0, 25 * HOUR + 1))).toBeNull()
  })
})

describe('API tokens', () => {
  it('keep their fixed expiry however often they are used', async () => {
    const { id } = await newUser()
    const t0 = new Date()
    const token = await createSession(t.ctx.db, id, { kind: 'api', expiresInDays: 2 }, t0)
    expect(token.expiresAt).toEqual(later(t0, 48 * HOUR))
    expect(await authenticate(t.ctx.db, token.secret, 'api', later(t0, 47 * HOUR))).not.toBeNull()
    const stored = await t.ctx.db.session.findUniqueOrThrow({ where: { id: token.id } })
    expect(stored.expiresAt).toEqual(token.expiresAt)
    expect(stored.lastSeenAt).toEqual(later(t0, 47 * HOUR))
    expect(await authenticate(t.ctx.db, token.secret, 'api', later(t0, 48 * HOUR))).toBeNull()
  })
})

describe('ending sessions', () => {
  it('disabling a user ends its browser sessions and API tokens at once', async () => {
    const { name, id } = await newUser()
    const browser = await createSession(t.ctx.db, id, { kind: 'browser' })
    const api = await createSession(t.ctx.db, id, { kind: 'api' })
    expect(await authenticate(t.ctx.db, browser.secret, 'browser')).not.toBeNull()
    await setUserDisabled(t.ctx, name, true)
    expect(await authenticate(t.ctx.db, browser.secret, 'browser')).toBeNull()
    expect(await authenticate(t.ctx.db, api.secret, 'api')).toBeNull()
    expect(await t.ctx.db.session.count({ where: { userId: id } })).toBe(0)
    // enabling again does not bring them back
    await setUserDisabled(t.ctx, name, false)
    expect(await authenticate(t.ctx.db, api.secret, 'api')).toBeNull()
  })

  it('a disabled user is refused even with a session left behind', async () => {
    const { id } = await newUser()
    const session = await createSession(t.ctx.db, id, { kind: 'browser' })
    await t.ctx.db.user.update({ where: { id }, data: { disabledAt: new Date() } })
    expect(await authenticate(t.ctx.db, session.secret, 'browser')).toBeNull()
  })

  it('pruneSessions removes the expired sessions and tokens, and only those', async () => {
    const { id } = await newUser()
    const t0 = new Date()
    const old = await createSession(t.ctx.db, id, { kind: 'browser' }, later(t0, -13 * HOUR))
    const oldToken = await createSession(t.ctx.db, id, { kind: 'api', expiresInDays: 1 }, later(t0, -25 * HOUR))
    const current = await createSession(t.ctx.db, id, { kind: 'browser' }, t0)
    const token = await createSession(t.ctx.db, id, { kind: 'api', expiresInDays: 1 }, t0)
    await pruneSessions(t.ctx.db, t0)
    const left = await t.ctx.db.session.findMany({
      where: { userId: id },
      select: { id: true },
      orderBy: { id: 'asc' },
    })
    expect(left.map((s) => s.id)).toEqual([current.id, token.id])
    expect([old.id, oldToken.id].some((gone) => left.some((s) => s.id === gone))).toBe(false)
  })
})
