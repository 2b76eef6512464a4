// Enlistment tokens: a secret an agent presents to enlist at once. Only its SHA-256 is stored; it expires and
// may be limited to a number of uses.
import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import type { Db, Tx } from '../db/client'
import { recordAudit } from './audit'
import { type Actor, inTransaction, type MsxContext } from './context'
import { invalid, notFound, refused } from './errors'
import { activeMaster } from './master'

const TOKEN_PREFIX = 'msxe_'
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 24 * 3600
export const MAX_TOKEN_LIFETIME_SECONDS = 365 * 24 * 3600

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export interface CreateTokenInput {
  /** how many enlistments it allows; unlimited until it expires when omitted */
  uses?: number
  expiresInSeconds?: number
  label?: string
}

/** Creates a token; the secret is returned once and never stored. */
export async function createEnlistmentToken(ctx: MsxContext, input: CreateTokenInput = {}) {
  return inTransaction(ctx, (tx) => insertEnlistmentToken(tx, ctx.actor, input))
}

/** Creates a token inside a transaction of a larger change (an agent package made with its own token). */
export async function insertEnlistmentToken(tx: Tx, actor: Actor, input: CreateTokenInput = {}) {
  const lifetime = input.expiresInSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS
  if (!Number.isInteger(lifetime) || lifetime < 60 || lifetime > MAX_TOKEN_LIFETIME_SECONDS)
    throw invalid('A token lives from 1 minute to 365 days.')
  if (input.uses !== undefined && (!Number.isInteger(input.uses) || input.uses < 1 || input.uses > 1_000_000))
    throw invalid('A token allows from 1 to 1,000,000 enlistments.')
  const secret = TOKEN_PREFIX + randomBytes(24).toString('base64url')
  await activeMaster(tx) // a dismantled master takes no new enlistments
  const token = await tx.enlistmentToken.create({
    data: {
      tokenHash: hashToken(secret),
      label: input.label?.trim().slice(0, 200) ?? '',
      expiresAt: new Date(Date.now() + lifetime * 1000),
      usesLeft: input.uses ?? null,
      createdBy: actor.name,
    },
  })
  await recordAudit(tx, actor, {
    action: 'token.create',
    objectType: 'token',
    objectName: `token ${token.id}`,
    details: { uses: input.uses ?? 'unlimited', expiresAt: token.expiresAt.toISOString(), label: token.label },
  })
  return { secret, token }
}

export type TokenState = 'usable' | 'expired' | 'used up' | 'revoked'

interface TokenRow {
  expiresAt: Date
  usesLeft: number | null
  revokedAt: Date | null
}

/** Whether a token would still enlist an agent, and if not, why: the first of revoked, expired, used up. */
export function tokenState(token: TokenRow, now = new Date()): TokenState {
  if (token.revokedAt) return 'revoked'
  if (token.expiresAt <= now) return 'expired'
  if (token.usesLeft !== null && token.usesLeft <= 0) return 'used up'
  return 'usable'
}

/** Why a presented token does not enlist, in the words an agent shows its operator. */
const REFUSALS: Record<Exclude<TokenState, 'usable'>, (token: TokenRow) => string> = {
  revoked: () => 'The enlistment token was revoked: create a new one with `msx token create`.',
  expired: (token) =>
    `The enlistment token expired on ${token.expiresAt.toISOString()}: create a new one with \`msx token create\`.`,
  'used up': () => 'The enlistment token has been used up: create a new one with `msx token create`.',
}

/** Checks a presented token and uses it up by one; refuses, saying why, a wrong, expired, used or revoked one. */
export async function consumeEnlistmentToken(tx: Tx, secret: string, now = new Date()) {
  const token = await tx.enlistmentToken.findUnique({ where: { tokenHash: hashToken(secret.trim()) } })
  if (!token) throw refused('The enlistment token is not known to this master: create one with `msx token create`.')
  const state = tokenState(token, now)
  if (state !== 'usable') throw refused(REFUSALS[state](token))
  if (token.usesLeft !== null) {
    // conditional decrement: two agents racing for the last use cannot both win
    const { count } = await tx.enlistmentToken.updateMany({
      where: { id: token.id, usesLeft: { gt: 0 } },
      data: { usesLeft: { decrement: 1 } },
    })
    if (count === 0) throw refused(REFUSALS['used up'](token))
  }
  return token
}

export async function revokeEnlistmentToken(ctx: MsxContext, id: number) {
  return inTransaction(ctx, async (tx) => {
    const token = await tx.enlistmentToken.findUnique({ where: { id } })
    if (!token) throw notFound(`There is no enlistment token ${id}.`)
    if (token.revokedAt) return token
    const revoked = await tx.enlistmentToken.update({ where: { id }, data: { revokedAt: new Date() } })
    await recordAudit(tx, ctx.actor, { action: 'token.revoke', objectType: 'token', objectName: `token ${id}` })
    return revoked
  })
}

/** At most this many tokens are listed, newest first. */
export const TOKEN_LIST_LIMIT = 500

/** The enlistment tokens, newest first: those that still enlist, or with `all` every one (never a secret). */
export async function listEnlistmentTokens(db: Db, { all = false, now = new Date() } = {}) {
  const tokens = await db.enlistmentToken.findMany({
    where: all ? {} : { revokedAt: null, expiresAt: { gt: now }, OR: [{ usesLeft: null }, { usesLeft: { gt: 0 } }] },
    orderBy: { id: 'desc' },
    take: TOKEN_LIST_LIMIT,
  })
  return tokens.map((token) => ({
    id: token.id,
    label: token.label,
    state: tokenState(token, now),
    usesLeft: token.usesLeft,
    expiresAt: token.expiresAt.toISOString(),
    createdBy: token.createdBy,
    createdAt: token.createdAt.toISOString(),
    revokedAt: token.revokedAt?.toISOString() ?? null,
  }))
}

export type EnlistmentTokenList = Awaited<ReturnType<typeof listEnlistmentTokens>>
