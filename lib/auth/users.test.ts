import { describe, expect, it } from 'vitest'
import { testDatabase, uniqueName } from '../../test/support/fixtures'
import { isMsxError } from '../msx/errors'
import { authenticate, createSession } from './sessions'
import { signIn } from './sign-in'
import { changeOwnPassword, createUser, listUsers, resetPassword, setUserDisabled, setUserRole } from './users'

const t = testDatabase()

const PASSWORD = 'correct horse battery'
let addresses = 0
const address = () => `203.0.113.${++addresses}`

async function newUser(role: 'administrator' | 'operator' | 'viewer' = 'operator') {
  const name = uniqueName('user')
  const user = await createUser(t.ctx, { name, role, password: PASSWORD })
  return { name, id: user.id }
}

async function codeOf(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => expect.fail('it was accepted'),
    (e: unknown) => e,
  )
  if (!isMsxError(error)) throw error
  return error.code
}

describe('creating users', () => {
  it('creates a user with its role, logged as the administrator who did it', async () => {
    const name = uniqueName('Alice')
    await createUser(t.ctx, { name, role: 'viewer', password: PASSWORD })
    expect((await listUsers(t.ctx.db)).find((u) => u.name === name)).toMatchObject({
      role: 'viewer',
      disabled: false,
      locked: false,
      lastSignInAt: null,
    })
    const event = await t.ctx.db.auditEvent.findFirst({ where: { action: 'user.create', objectName: name } })
    expect(event).toMatchObject({ actor: 'admin', address: '127.0.0.1' })
  })

  it('refuses a name already taken, compared case-insensitively', async () => {
    const name = uniqueName('Bob')
    await createUser(t.ctx, { name, role: 'viewer', password: PASSWORD })
    const again = createUser(t.ctx, { name: name.toLowerCase(), role: 'operator', password: PASSWORD })
    await expect(again).rejects.toThrow(`A user named ${name.toLowerCase()} already exists: choose another name.`)
    expect(await t.ctx.db.user.count({ where: { nameKey: name.toUpperCase() } })).toBe(1)
  })

  it('refuses a bad name, an unknown role and a short password, saying why', async () => {
    await expect(createUser(t.ctx, { name: 'has space', role: 'viewer', password: PASSWORD })).rejects.toThrow(
      'a user name is letters, digits and . _ @ - (starting with a letter or digit)',
    )
    await expect(createUser(t.ctx, { name: uniqueName(), role: 'root' as never, password: PASSWORD })).rejects.toThrow(
      'role must be administrator, operator or viewer',
    )
    await expect(createUser(t.ctx, { name: uniqueName(), role: 'viewer', password: 'too short' })).rejects.toThrow(
      'the password must have at least 12 characters',
    )
  })
})

describe('keeping an administrator', () => {
  it('refuses to demote or disable the last enabled administrator, and allows it once another exists', async () => {
    // no other test of the file makes an administrator: this one is the only one
    expect(await t.ctx.db.user.count({ where: { role: 'administrator' } })).toBe(0)
    const root = await createUser(t.ctx, { name: 'root', role: 'administrator', password: PASSWORD })
    const last = 'This is the last enabled administrator: make another user an administrator first.'
    // one after the other: both at once would leave the second's refusal unhandled while the first is awaited
    for (const attempt of [() => setUserRole(t.ctx, 'root', 'operator'), () => setUserDisabled(t.ctx, 'ROOT', true)])
      await expect(attempt()).rejects.toThrow(last)
    expect(await t.ctx.db.user.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({
      role: 'administrator',
      disabledAt: null,
    })

    // a disabled administrator does not count
    const dormant = await newUser('administrator')
    await expect(setUserDisabled(t.ctx, dormant.name, true)).resolves.toBeTruthy()
    expect(await codeOf(setUserRole(t.ctx, 'root', 'viewer'))).toBe('refused')

    const second = await newUser('operator')
    await setUserRole(t.ctx, second.name, 'administrator')
    await setUserRole(t.ctx, 'root', 'viewer')
    expect(await codeOf(setUserDisabled(t.ctx, second.name, true))).toBe('refused')
    expect(await codeOf(setUserRole(t.ctx, second.name, 'operator'))).toBe('refused')
    const event = await t.ctx.db.auditEvent.findFirst({ where: { action: 'user.role', objectName: 'root' } })
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ from: 'administrator', to: 'viewer' })
  })

  it('keeps one when two administrators are demoted and disabled at the same moment', async () => {
    const pair = [await newUser('administrator'), await newUser('administrator')]
    const admins = () => t.ctx.db.user.count({ where: { role: 'administrator', disabledAt: null } })
    // the earlier test leaves one enabled administrator of its own: take it out of the way first
    const before = await t.ctx.db.user.findMany({
      where: { role: 'administrator', disabledAt: null, id: { notIn: pair.map((u) => u.id) } },
    })
    for (const other of before) await setUserRole(t.ctx, other.name, 'operator')
    expect(await admins()).toBe(2)
    const outcomes = await Promise.allSettled([
      setUserRole(t.ctx, pair[0].name, 'viewer'),
      setUserDisabled(t.ctx, pair[1].name, true),
    ])
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    expect(await admins()).toBe(1)
  })

  it('says so when the user does not exist', async () => {
    await expect(setUserRole(t.ctx, 'ghost', 'viewer')).rejects.toThrow('There is no user named ghost.')
    await expect(setUserDisabled(t.ctx, 'ghost', true)).rejects.toThrow('There is no user named ghost.')
  })
})

describe('changing one’s own password', () => {
  it('requires the current password and a new one of 12 characters', async () => {
    const { name, id } = await newUser()
    const { sessionId } = await signIn(t.ctx.db, { name, password: PASSWORD, kind: 'browser', address: address() })
    const ctx = { ...t.ctx, actor: { name } }
    await expect(
      changeOwnPassword(ctx, { userId: id, sessionId }, { current: 'not my password', next: 'a brand new password' }),
    ).rejects.toThrow('The current password is wrong: type the password you signed in with.')
    await expect(
      changeOwnPassword(ctx, { userId: id, sessionId }, { current: PASSWORD, next: 'short' }),
    ).rejects.toThrow('the password must have at least 12 characters')
    await expect(
      changeOwnPassword(ctx, { userId: id, sessionId }, { current: PASSWORD, next: PASSWORD }),
    ).rejects.toThrow('The new password must differ from the current one.')
    // nothing changed: the old password still signs in
    await expect(
      signIn(t.ctx.db, { name, password: PASSWORD, kind: 'browser', address: address() }),
    ).resolves.toBeTruthy()
  })

  it('ends the other browser sessions, keeps this one and the API tokens', async () => {
    const { name, id } = await newUser()
    const here = await signIn(t.ctx.db, { name, password: PASSWORD, kind: 'browser', address: address() })
    const elsewhere = await createSession(t.ctx.db, id, { kind: 'browser' })
    const token = await createSession(t.ctx.db, id, { kind: 'api' })
    await changeOwnPassword(
      { ...t.ctx, actor: { name } },
      { userId: id, sessionId: here.sessionId },
      { current: PASSWORD, next: 'a brand new password' },
    )
    expect(await authenticate(t.ctx.db, here.secret, 'browser')).not.toBeNull()
    expect(await authenticate(t.ctx.db, elsewhere.secret, 'browser')).toBeNull()
    expect(await authenticate(t.ctx.db, token.secret, 'api')).not.toBeNull()
    expect(await codeOf(signIn(t.ctx.db, { name, password: PASSWORD, kind: 'browser', address: address() }))).toBe(
      'unauthenticated',
    )
    await expect(
      signIn(t.ctx.db, { name, password: 'a brand new password', kind: 'browser', address: address() }),
    ).resolves.toBeTruthy()
    expect(await t.ctx.db.auditEvent.findFirst({ where: { action: 'user.password', objectName: name } })).toMatchObject(
      { actor: name },
    )
  })
})

describe('resetting a password', () => {
  it('sets the new password, unlocks the account and ends its browser sessions', async () => {
    const { name, id } = await newUser()
    const browser = await createSession(t.ctx.db, id, { kind: 'browser' })
    await t.ctx.db.user.update({
      where: { id },
      data: { failedSignIns: 7, lockedUntil: new Date(Date.now() + 600_000) },
    })
    expect((await listUsers(t.ctx.db)).find((u) => u.name === name)?.locked).toBe(true)
    await resetPassword(t.ctx, name, 'the reset password')
    expect(await authenticate(t.ctx.db, browser.secret, 'browser')).toBeNull()
    expect((await listUsers(t.ctx.db)).find((u) => u.name === name)?.locked).toBe(false)
    await expect(
      signIn(t.ctx.db, { name, password: 'the reset password', kind: 'browser', address: address() }),
    ).resolves.toBeTruthy()
    expect(
      await t.ctx.db.auditEvent.findFirst({ where: { action: 'user.password-reset', objectName: name } }),
    ).toMatchObject({ actor: 'admin' })
    await expect(resetPassword(t.ctx, name, 'short')).rejects.toThrow('the password must have at least 12 characters')
  })
})
