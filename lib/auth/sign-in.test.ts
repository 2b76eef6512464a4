import { describe, expect, it } from 'vitest'
import { testDatabase, uniqueName } from '../../test/support/fixtures'
import { isMsxError } from '../msx/errors'
import type { Role } from './roles'
import { hashSecret } from './secrets'
import { authenticate } from './sessions'
import { FREE_FAILURES, lockSeconds, signIn } from './sign-in'
import { createUser, setUserDisabled } from './users'

const t = testDatabase()

const PASSWORD = 'correct horse battery'
const WRONG = 'Wrong user name or password.'

// The per-address limit lives in memory for the whole file: each test signs in from addresses of its own.
let addresses = 0
const address = () => `198.51.100.${++addresses}`

async function newUser(role: Role = 'operator') {
  const name = uniqueName('user')
  const user = await createUser(t.ctx, { name, role, password: PASSWORD })
  return { name, id: user.id }
}

async function refusal(attempt: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await attempt.then(
    () => expect.fail('the sign-in was accepted'),
    (e: unknown) => e,
  )
  if (!isMsxError(error)) throw error
  return { code: error.code, message: error.message }
}

const state = (id: number) =>
  t.ctx.db.user.findUniqueOrThrow({ where: { id }, select: { failedSignIns: true, lockedUntil: true } })

describe('signing in', () => {
  it('gives a browser secret for the right password, whatever the case of the name', async () => {
    const { name, id } = await newUser('viewer')
    const from = address()
    const result = await signIn(t.ctx.db, {
      name: name.toUpperCase(),
      password: PASSWORD,
      kind: 'browser',
      address: from,
    })
    expect(result.user).toEqual({ id, name, role: 'viewer' })
    const signedIn = await authenticate(t.ctx.db, result.secret, 'browser')
    expect(signedIn).toEqual({ user: { id, name, role: 'viewer' }, sessionId: result.sessionId, kind: 'browser' })
    expect(await authenticate(t.ctx.db, result.secret, 'api')).toBeNull()
    expect((await t.ctx.db.user.findUniqueOrThrow({ where: { id } })).lastSignInAt).not.toBeNull()
    const event = await t.ctx.db.auditEvent.findFirst({ where: { action: 'user.sign-in', objectName: name } })
    expect(event).toMatchObject({ actor: name, address: from, result: 'success' })
  })

  it('gives an API token that is not accepted as a browser session', async () => {
    const { name, id } = await newUser()
    const result = await signIn(t.ctx.db, {
      name,
      password: PASSWORD,
      kind: 'api',
      address: address(),
      label: 'laptop',
      expiresInDays: 7,
    })
    expect(result.secret).toMatch(/^msx_/)
    expect(result.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000)
    expect(result.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000)
    expect((await authenticate(t.ctx.db, result.secret, 'api'))?.user).toEqual({ id, name, role: 'operator' })
    expect(await authenticate(t.ctx.db, result.secret, 'browser')).toBeNull()
    expect(
      await t.ctx.db.auditEvent.findFirst({ where: { action: 'api-token.create', objectName: `${name}: laptop` } }),
    ).toMatchObject({ actor: name, result: 'success' })
  })

  it('refuses an unknown, empty or tampered secret', async () => {
    expect(await authenticate(t.ctx.db, 'no-such-secret', 'browser')).toBeNull()
    expect(await authenticate(t.ctx.db, '', 'browser')).toBeNull()
    expect(await authenticate(t.ctx.db, undefined, 'api')).toBeNull()
    expect(await authenticate(t.ctx.db, 'x'.repeat(500), 'api')).toBeNull()
  })

  it('refuses a wrong password and counts the failure', async () => {
    const { name, id } = await newUser()
    const from = address()
    expect(
      await refusal(signIn(t.ctx.db, { name, password: 'not the password', kind: 'browser', address: from })),
    ).toEqual({ code: 'unauthenticated', message: WRONG })
    expect(await state(id)).toEqual({ failedSignIns: 1, lockedUntil: null })
    expect(await t.ctx.db.session.count({ where: { userId: id } })).toBe(0)
    const event = await t.ctx.db.auditEvent.findFirst({ where: { action: 'user.sign-in', objectName: name } })
    expect(event).toMatchObject({ actor: name, address: from, result: 'failure' })
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ reason: 'wrong password' })
  })

  it('answers an unknown user as a wrong password, and writes nothing', async () => {
    const before = {
      users: await t.ctx.db.user.count(),
      sessions: await t.ctx.db.session.count(),
      events: await t.ctx.db.auditEvent.count(),
    }
    expect(
      await refusal(signIn(t.ctx.db, { name: 'nobody', password: PASSWORD, kind: 'browser', address: address() })),
    ).toEqual({ code: 'unauthenticated', message: WRONG })
    expect({
      users: await t.ctx.db.user.count(),
      sessions: await t.ctx.db.session.count(),
      events: await t.ctx.db.auditEvent.count(),
    }).toEqual(before)
  })

  it('refuses a disabled user, even with the right password', async () => {
    const { name, id } = await newUser()
    await setUserDisabled(t.ctx, name, true)
    expect(await refusal(signIn(t.ctx.db, { name, password: PASSWORD, kind: 'browser', address: address() }))).toEqual({
      code: 'unauthenticated',
      message: 'This account is disabled: ask an administrator.',
    })
    expect(await t.ctx.db.session.count({ where: { userId: id } })).toBe(0)
  })

  it('says what is missing or out of range before trying anything', async () => {
    expect(
      await refusal(signIn(t.ctx.db, { name: ' ', password: PASSWORD, kind: 'browser', address: address() })),
    ).toEqual({ code: 'invalid', message: 'type your user name' })
    expect(
      await refusal(signIn(t.ctx.db, { name: 'someone', password: '', kind: 'browser', address: address() })),
    ).toEqual({ code: 'invalid', message: 'type your password' })
    expect(
      await refusal(
        signIn(t.ctx.db, { name: 'someone', password: PASSWORD, kind: 'api', address: address(), expiresInDays: 400 }),
      ),
    ).toEqual({ code: 'invalid', message: 'A token lasts from 1 to 365 days.' })
  })

  it('stores only hashes: no column holds the password or a secret', async () => {
    const { name, id } = await newUser()
    const browser = await signIn(t.ctx.db, { name, password: PASSWORD, kind: 'browser', address: address() })
    const api = await signIn(t.ctx.db, { name, password: PASSWORD, kind: 'api', address: address() })
    const stored = JSON.stringify([
      await t.ctx.db.user.findMany(),
      await t.ctx.db.session.findMany(),
      await t.ctx.db.auditEvent.findMany(),
    ])
    for (const secret of [PASSWORD, browser.secret, api.secret]) expect(stored).not.toContain(secret)
    expect((await t.ctx.db.user.findUniqueOrThrow({ where: { id } })).passwordHash).toMatch(/^\$argon2id\$/)
    const sessions = await t.ctx.db.session.findMany({ where: { userId: id }, orderBy: { id: 'asc' } })
    expect(sessions.map((s) => s.tokenHash)).toEqual([hashSecret(browser.secret), hashSecret(api.secret)])
    // an API token keeps a short hint, so its owner can tell tokens apart
    expect(sessions[1].hint).toBe(api.secret.slice(0, 10))
  })
})

describe('locking an account after failed sign-ins', () => {
  it('locks for 30 s, then twice as long after every further failure, up to 15 minutes', () => {
    expect(FREE_FAILURES).toBe(5)
    expect([1, 4, 5, 6, 7, 8, 9, 10, 11, 50, 5000].map(lockSeconds)).toEqual([
      0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900,
    ])
  })

  it('refuses even the right password while locked, then lets it in and forgets the failures', async () => {
    const { name, id } = await newUser()
    const from = address()
    const t0 = new Date()
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000)
    const attempt = (password: string, seconds: number) =>
      signIn(t.ctx.db, { name, password, kind: 'browser', address: from }, at(seconds))

    for (let i = 1; i < FREE_FAILURES; i++) expect((await refusal(attempt('wrong password', 0))).message).toBe(WRONG)
    expect(await refusal(attempt('wrong password', 0))).toEqual({
      code: 'unauthenticated',
      message: `${WRONG} The account is locked for 30 s.`,
    })
    expect(await state(id)).toEqual({ failedSignIns: 5, lockedUntil: at(30) })

    expect(await refusal(attempt(PASSWORD, 10))).toEqual({
      code: 'too_many',
      message: 'This account is locked after 5 failed sign-ins: try again in 20 s.',
    })
    // another failure once the lock is over locks for twice as long
    expect((await refusal(attempt('wrong password', 31))).message).toBe(`${WRONG} The account is locked for 60 s.`)
    expect((await refusal(attempt(PASSWORD, 90))).message).toBe(
      'This account is locked after 6 failed sign-ins: try again in 1 s.',
    )
    expect(await state(id)).toEqual({ failedSignIns: 6, lockedUntil: at(91) })

    const result = await attempt(PASSWORD, 91)
    expect(result.user.name).toBe(name)
    expect(await state(id)).toEqual({ failedSignIns: 0, lockedUntil: null })
    expect((await refusal(attempt('wrong password', 92))).message).toBe(WRONG)
  })

  it('never locks for more than 15 minutes', async () => {
    const { name, id } = await newUser()
    await t.ctx.db.user.update({ where: { id }, data: { failedSignIns: 40 } })
    const now = new Date()
    expect(
      (await refusal(signIn(t.ctx.db, { name, password: 'wrong password', kind: 'api', address: address() }, now)))
        .message,
    ).toBe(`${WRONG} The account is locked for 900 s.`)
    expect(await state(id)).toEqual({ failedSignIns: 41, lockedUntil: new Date(now.getTime() + 900_000) })
  })

  it('counts every guess of a burst sent at once, and locks when there are too many', async () => {
    const { name, id } = await newUser()
    const guesses = Array.from({ length: FREE_FAILURES + 1 }, (_, i) =>
      refusal(signIn(t.ctx.db, { name, password: `guess number ${i}`, kind: 'browser', address: address() })),
    )
    for (const outcome of await Promise.all(guesses)) {
      expect(outcome.code).toBe('unauthenticated')
      expect(outcome.message.startsWith(WRONG)).toBe(true)
    }
    const after = await state(id)
    expect(after.failedSignIns).toBe(FREE_FAILURES + 1)
    expect(after.lockedUntil).not.toBeNull()
    expect(
      (await refusal(signIn(t.ctx.db, { name, password: PASSWORD, kind: 'browser', address: address() }))).code,
    ).toBe('too_many')
  })
})

describe('the limit per address', () => {
  it('refuses the 31st attempt within 10 minutes from one address, whoever it is for', async () => {
    const locked = await newUser()
    // a locked account refuses without checking the password: the attempts cost no hashing
    await t.ctx.db.user.update({
      where: { id: locked.id },
      data: { failedSignIns: 5, lockedUntil: new Date(Date.now() + 3_600_000) },
    })
    const from = address()
    for (let i = 0; i < 30; i++)
      expect(
        (await refusal(signIn(t.ctx.db, { name: locked.name, password: PASSWORD, kind: 'browser', address: from })))
          .code,
      ).toBe('too_many')
    const other = await newUser()
    const refused = await refusal(
      signIn(t.ctx.db, { name: other.name, password: PASSWORD, kind: 'browser', address: from }),
    )
    expect(refused.code).toBe('too_many')
    expect(refused.message).toMatch(/^Too many sign-in attempts from this address: try again in \d+ s\.$/)
    // another address is not held back
    await expect(
      signIn(t.ctx.db, { name: other.name, password: PASSWORD, kind: 'browser', address: address() }),
    ).resolves.toMatchObject({ user: { name: other.name } })
  })
})
