import { describe, expect, it } from 'vitest'
import { testDatabase } from '../../test/support/fixtures'
import type { Db } from '../db/client'
import { setUpFirstAdministrator, userCount } from './users'

const t = testDatabase()

/** The same database, but the activity-log write inside a transaction fails: what else that transaction wrote must vanish. */
function failingAudit(db: Db): Db {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== '$transaction') return Reflect.get(target, key, receiver)
      return (work: (tx: unknown) => Promise<unknown>, options?: unknown) =>
        target.$transaction(
          (tx) =>
            work(
              new Proxy(tx, {
                get(inner, name, r) {
                  if (name !== 'auditEvent') return Reflect.get(inner, name, r)
                  return {
                    create: () => Promise.reject(new Error('the activity log is full')),
                  }
                },
              }),
            ),
          options as never,
        )
    },
  }) as Db
}

// The tests run in order on one database, from empty to set up.
describe('setting up the first administrator', () => {
  it('refuses a password shorter than 12 characters, saying so', async () => {
    await expect(setUpFirstAdministrator(t.ctx.db, { name: 'root', password: 'short-pass1' })).rejects.toThrow(
      'the password must have at least 12 characters',
    )
    expect(await userCount(t.ctx.db)).toBe(0)
  })

  it('writes the administrator and its activity entry together, or neither', async () => {
    await expect(
      setUpFirstAdministrator(failingAudit(t.ctx.db), { name: 'root', password: 'correct horse battery' }),
    ).rejects.toThrow('the activity log is full')
    expect(await userCount(t.ctx.db)).toBe(0)
    expect(await t.ctx.db.auditEvent.count({ where: { action: 'user.create' } })).toBe(0)
  })

  it('creates an administrator once, recording who did it and from where', async () => {
    const user = await setUpFirstAdministrator(
      t.ctx.db,
      { name: 'root', password: 'correct horse battery' },
      '192.0.2.7',
    )
    expect(user).toMatchObject({ name: 'root', nameKey: 'ROOT', role: 'administrator', disabledAt: null })
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    const events = await t.ctx.db.auditEvent.findMany({ where: { action: 'user.create' } })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actor: 'root',
      address: '192.0.2.7',
      objectType: 'user',
      objectName: 'root',
      result: 'success',
    })
    expect(JSON.parse(events[0].details)).toEqual({ role: 'administrator' })
  })

  it('is refused once any user exists', async () => {
    await expect(
      setUpFirstAdministrator(t.ctx.db, { name: 'intruder', password: 'another long password' }),
    ).rejects.toThrow('The master is already set up: sign in, or ask an administrator for an account.')
    expect(await userCount(t.ctx.db)).toBe(1)
    expect(await t.ctx.db.user.findUnique({ where: { nameKey: 'INTRUDER' } })).toBeNull()
  })

  it('is refused even when the only user is a disabled viewer', async () => {
    const root = await t.ctx.db.user.findUniqueOrThrow({ where: { nameKey: 'ROOT' } })
    await t.ctx.db.user.update({ where: { id: root.id }, data: { role: 'viewer', disabledAt: new Date() } })
    await expect(
      setUpFirstAdministrator(t.ctx.db, { name: 'intruder', password: 'another long password' }),
    ).rejects.toThrow('already set up')
    expect(await userCount(t.ctx.db)).toBe(1)
  })
})
