// Local accounts: the first administrator, users an administrator manages, and one's own password.
import { z } from 'zod'
import { type Db, providerOf, type Tx } from '../db/client'
import { recordAudit } from '../msx/audit'
import { type Actor, type MsxContext, transaction } from '../msx/context'
import { conflict, invalid, notFound, parseOrInvalid, refused } from '../msx/errors'
import { hashPassword, newPasswordSchema, verifyPassword } from './passwords'
import { type Role, roleSchema } from './roles'

export const userNameSchema = z
  .string({ error: 'a user name is required' })
  .trim()
  .min(1, 'a user name is required')
  .max(64, 'a user name has at most 64 characters')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._@-]*$/,
    'a user name is letters, digits and . _ @ - (starting with a letter or digit)',
  )

export const newUserSchema = z.object({
  name: userNameSchema,
  role: roleSchema,
  password: newPasswordSchema,
})
export type NewUser = z.input<typeof newUserSchema>

export interface UserRow {
  id: number
  name: string
  role: Role
  createdAt: string
  lastSignInAt: string | null
  disabled: boolean
  locked: boolean
}

const parse = <S extends z.ZodType>(schema: S, input: unknown) => parseOrInvalid(schema, input)

/** The password is hashed before the transaction: a slow hash between its read and its write would let another
 *  process's write come in between, and on SQLite such a transaction fails however often it is retried. */
async function insertUser(tx: Tx, actor: Actor, input: { name: string; role: Role; passwordHash: string }) {
  const nameKey = input.name.toUpperCase()
  if (await tx.user.findUnique({ where: { nameKey }, select: { id: true } }))
    throw conflict(`A user named ${input.name} already exists: choose another name.`)
  const user = await tx.user.create({
    data: { name: input.name, nameKey, role: input.role, passwordHash: input.passwordHash },
  })
  await recordAudit(tx, actor, {
    action: 'user.create',
    objectType: 'user',
    objectName: user.name,
    details: { role: user.role },
  })
  return user
}

export async function userCount(db: Db): Promise<number> {
  return db.user.count()
}

/** The one-time setup: the first administrator, refused once any user exists. */
export async function setUpFirstAdministrator(db: Db, input: { name: string; password: string }, address = '') {
  const data = parse(newUserSchema, { ...input, role: 'administrator' })
  const passwordHash = await hashPassword(data.password)
  return transaction(db, async (tx) => {
    if ((await tx.user.count()) > 0)
      throw refused('The master is already set up: sign in, or ask an administrator for an account.')
    return insertUser(tx, { name: data.name, address }, { ...data, passwordHash })
  })
}

export async function createUser(ctx: MsxContext, input: NewUser) {
  const data = parse(newUserSchema, input)
  const passwordHash = await hashPassword(data.password)
  return transaction(ctx.db, (tx) => insertUser(tx, ctx.actor, { ...data, passwordHash }))
}

export async function listUsers(db: Db, now = new Date()): Promise<UserRow[]> {
  const users = await db.user.findMany({ orderBy: { nameKey: 'asc' } })
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    role: roleSchema.catch('viewer').parse(u.role),
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    disabled: u.disabledAt !== null,
    locked: u.lockedUntil !== null && u.lockedUntil > now,
  }))
}

async function userNamed(tx: Tx, name: string) {
  const user = await tx.user.findUnique({ where: { nameKey: name.trim().toUpperCase() } })
  if (!user) throw notFound(`There is no user named ${name}.`)
  return user
}

/** An administrator must remain: the last enabled one cannot be demoted or disabled. */
async function keepAnAdministrator(tx: Tx, userId: number) {
  // Two administrators demoted at the same moment must not both count the other as remaining: on PostgreSQL the
  // enabled administrators' rows are locked first (SQLite already runs one writing transaction at a time).
  if (providerOf(tx) === 'postgresql')
    await tx.$queryRaw`SELECT id FROM users WHERE role = 'administrator' AND disabled_at IS NULL FOR UPDATE`
  const others = await tx.user.count({ where: { role: 'administrator', disabledAt: null, id: { not: userId } } })
  if (others === 0) throw refused('This is the last enabled administrator: make another user an administrator first.')
}

export async function setUserRole(ctx: MsxContext, name: string, role: Role) {
  const next = parse(roleSchema, role)
  return transaction(ctx.db, async (tx) => {
    const user = await userNamed(tx, name)
    if (user.role === next) return user
    if (user.role === 'administrator') await keepAnAdministrator(tx, user.id)
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: next } })
    await recordAudit(tx, ctx.actor, {
      action: 'user.role',
      objectType: 'user',
      objectName: user.name,
      details: { from: user.role, to: next },
    })
    return updated
  })
}

/** Disabling also ends the user's sessions and API tokens at once. */
export async function setUserDisabled(ctx: MsxContext, name: string, disabled: boolean) {
  return transaction(ctx.db, async (tx) => {
    const user = await userNamed(tx, name)
    if (disabled && user.role === 'administrator') await keepAnAdministrator(tx, user.id)
    const updated = await tx.user.update({
      where: { id: user.id },
      data: disabled ? { disabledAt: new Date() } : { disabledAt: null, failedSignIns: 0, lockedUntil: null },
    })
    if (disabled) await tx.session.deleteMany({ where: { userId: user.id } })
    await recordAudit(tx, ctx.actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      objectType: 'user',
      objectName: user.name,
    })
    return updated
  })
}

/** An administrator sets a new password for a user; the user's browser sessions end. */
export async function resetPassword(ctx: MsxContext, name: string, password: string) {
  const hashed = await hashPassword(parse(newPasswordSchema, password))
  return transaction(ctx.db, async (tx) => {
    const user = await userNamed(tx, name)
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: hashed, passwordChangedAt: new Date(), failedSignIns: 0, lockedUntil: null },
    })
    await tx.session.deleteMany({ where: { userId: user.id, kind: 'browser' } })
    await recordAudit(tx, ctx.actor, { action: 'user.password-reset', objectType: 'user', objectName: user.name })
  })
}

/** One's own password: the current one first; other browser sessions end, this one stays. */
export async function changeOwnPassword(
  ctx: MsxContext,
  who: { userId: number; sessionId: number },
  input: { current: string; next: string },
) {
  const next = parse(newPasswordSchema, input.next)
  const user = await ctx.db.user.findUnique({ where: { id: who.userId } })
  if (!user) throw notFound('Your account no longer exists.')
  if (!(await verifyPassword(user.passwordHash, input.current)))
    throw invalid('The current password is wrong: type the password you signed in with.')
  if (input.current === next) throw invalid('The new password must differ from the current one.')
  const hashed = await hashPassword(next)
  await transaction(ctx.db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: hashed, passwordChangedAt: new Date() } })
    await tx.session.deleteMany({ where: { userId: user.id, kind: 'browser', id: { not: who.sessionId } } })
    await recordAudit(tx, ctx.actor, { action: 'user.password', objectType: 'user', objectName: user.name })
  })
}
