// Sessions in the database: a browser's (sliding, ends after a quiet spell) or an API token's (fixed expiry).
import type { Db, Tx } from '../db/client'
import { isRole, type Role } from './roles'
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secrets'

export type SessionKind = 'browser' | 'api'

/** A browser session ends after this long without a request. */
export const BROWSER_IDLE_HOURS = 12
export const DEFAULT_API_TOKEN_DAYS = 90
export const MAX_API_TOKEN_DAYS = 365
/** last-seen times are written at most this often, so reads cost no write */
const TOUCH_EVERY_MS = 60_000

export interface SessionUser {
  id: number
  name: string
  role: Role
}

export interface SignedIn {
  user: SessionUser
  sessionId: number
  kind: SessionKind
}

export async function createSession(
  tx: Tx | Db,
  userId: number,
  options: { kind: SessionKind; label?: string; address?: string; expiresInDays?: number },
  now = new Date(),
): Promise<{ secret: string; id: number; expiresAt: Date }> {
  const secret = newSecret(options.kind === 'api' ? API_TOKEN_PREFIX : '')
  const lifetimeMs =
    options.kind === 'browser'
      ? BROWSER_IDLE_HOURS * 3_600_000
      : (options.expiresInDays ?? DEFAULT_API_TOKEN_DAYS) * 86_400_000
  const session = await tx.session.create({
    data: {
      tokenHash: hashSecret(secret),
      userId,
      kind: options.kind,
      label: options.label ?? '',
      hint: options.kind === 'api' ? secret.slice(0, API_TOKEN_PREFIX.length + 6) : '',
      address: options.address ?? '',
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + lifetimeMs),
    },
  })
  return { secret, id: session.id, expiresAt: session.expiresAt }
}

/** Who holds this secret, or null when it is unknown, expired, revoked, of another kind, or its user is disabled. */
export async function authenticate(
  db: Db,
  secret: string | undefined | null,
  kind: SessionKind,
  now = new Date(),
): Promise<SignedIn | null> {
  if (!secret || secret.length > 200) return null
  const session = await db.session.findUnique({
    where: { tokenHash: hashSecret(secret) },
    include: { user: { select: { id: true, name: true, role: true, disabledAt: true } } },
  })
  if (!session || session.kind !== kind || session.expiresAt <= now) return null
  if (session.user.disabledAt || !isRole(session.user.role)) return null
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const renewed = kind === 'browser' ? { expiresAt: new Date(now.getTime() + BROWSER_IDLE_HOURS * 3_600_000) } : {}
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now, ...renewed } }).catch(() => {})
  }
  return {
    user: { id: session.user.id, name: session.user.name, role: session.user.role },
    sessionId: session.id,
    kind,
  }
}

/** Drops sessions and tokens that have expired. */
export async function pruneSessions(db: Db, now = new Date()) {
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } })
}
