// Signing in with a name and password, for a browser session or an API token. Guessing is slowed twice: per
// address (a rate limit in memory) and per account (a lockout that doubles with every further failure).
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { z } from 'zod'
import type { Db } from '../db/client'
import { recordAudit } from '../msx/audit'
import { transaction } from '../msx/context'
import { invalid, parseOrInvalid, tooMany, unauthenticated } from '../msx/errors'
import { verifyPassword } from './passwords'
import { isRole } from './roles'
import { createSession, MAX_API_TOKEN_DAYS, type SessionKind, type SessionUser } from './sessions'

/** failures allowed before the account locks */
export const FREE_FAILURES = 5
const FIRST_LOCK_SECONDS = 30
const MAX_LOCK_SECONDS = 15 * 60

const perAddress = new RateLimiterMemory({ keyPrefix: 'sign-in', points: 30, duration: 10 * 60 })

export const signInSchema = z.object({
  name: z
    .string({ error: 'type your user name' })
    .trim()
    .min(1, 'type your user name')
    .max(64, 'no user name is that long'),
  password: z.string({ error: 'type your password' }).min(1, 'type your password').max(256, 'no password is that long'),
})

export interface SignInRequest {
  name: string
  password: string
  kind: SessionKind
  address: string
  label?: string
  expiresInDays?: number
}

export interface SignInResult {
  secret: string
  expiresAt: Date
  sessionId: number
  user: SessionUser
}

/** How long an account stays locked after this many consecutive failures. */
export function lockSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES))
}

const WRONG = 'Wrong user name or password.'

export async function signIn(db: Db, request: SignInRequest, now = new Date()): Promise<SignInResult> {
  const { name, password } = parseOrInvalid(signInSchema, request)
  if (
    request.expiresInDays !== undefined &&
    !(request.expiresInDays >= 1 && request.expiresInDays <= MAX_API_TOKEN_DAYS)
  )
    throw invalid(`A token lasts from 1 to ${MAX_API_TOKEN_DAYS} days.`)
  try {
    await perAddress.consume(request.address || 'unknown')
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    throw tooMany(
      `Too many sign-in attempts from this address: try again in ${Math.ceil(error.msBeforeNext / 1000)} s.`,
    )
  }
  const user = await db.user.findUnique({ where: { nameKey: name.toUpperCase() } })
  if (user?.lockedUntil && user.lockedUntil > now) {
    const wait = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000)
    throw tooMany(`This account is locked after ${user.failedSignIns} failed sign-ins: try again in ${wait} s.`)
  }
  const good = await verifyPassword(user?.passwordHash ?? null, password)
  if (!user) throw unauthenticated(WRONG)
  const actor = { name: user.name, address: request.address }
  if (!good) {
    const lock = await transaction(db, async (tx) => {
      // counted by the database, not from the row read above: each of simultaneous guesses counts
      const { failedSignIns: failures } = await tx.user.update({
        where: { id: user.id },
        data: { failedSignIns: { increment: 1 } },
        select: { failedSignIns: true },
      })
      const lock = lockSeconds(failures)
      await tx.user.update({
        where: { id: user.id },
        data: { lockedUntil: lock > 0 ? new Date(now.getTime() + lock * 1000) : null },
      })
      await recordAudit(tx, actor, {
        action: 'user.sign-in',
        objectType: 'user',
        objectName: user.name,
        result: 'failure',
        details: lock > 0 ? { reason: 'wrong password', lockedForSeconds: lock } : { reason: 'wrong password' },
      })
      return lock
    })
    throw unauthenticated(lock > 0 ? `${WRONG} The account is locked for ${lock} s.` : WRONG)
  }
  if (user.disabledAt) throw unauthenticated('This account is disabled: ask an administrator.')
  if (!isRole(user.role)) throw unauthenticated('This account has no valid role: ask an administrator.')
  const role = user.role
  return transaction(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } })
    const session = await createSession(
      tx,
      user.id,
      { kind: request.kind, label: request.label, address: request.address, expiresInDays: request.expiresInDays },
      now,
    )
    await recordAudit(tx, actor, {
      action: request.kind === 'browser' ? 'user.sign-in' : 'api-token.create',
      objectType: request.kind === 'browser' ? 'user' : 'api-token',
      objectName: request.kind === 'browser' ? user.name : `${user.name}: ${request.label || 'msx login'}`,
    })
    return {
      secret: session.secret,
      expiresAt: session.expiresAt,
      sessionId: session.id,
      user: { id: user.id, name: user.name, role },
    }
  })
}

export async function signOut(db: Db, who: { sessionId: number; name: string }, address = '') {
  await transaction(db, async (tx) => {
    await tx.session.deleteMany({ where: { id: who.sessionId } })
    await recordAudit(
      tx,
      { name: who.name, address },
      { action: 'user.sign-out', objectType: 'user', objectName: who.name },
    )
  })
}
