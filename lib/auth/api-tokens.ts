// API tokens: what the msx CLI signs in with. A user manages their own; an administrator sees and revokes all.
import { z } from 'zod'
import { recordAudit } from '../msx/audit'
import { type MsxContext, transaction } from '../msx/context'
import { notFound, parseOrInvalid } from '../msx/errors'
import { can } from './permissions'
import { createSession, DEFAULT_API_TOKEN_DAYS, MAX_API_TOKEN_DAYS, type SessionUser } from './sessions'

export const newApiTokenSchema = z.object({
  label: z.string().trim().max(100, 'a label has at most 100 characters').default(''),
  expiresInDays: z.coerce
    .number({ error: 'days must be a number' })
    .int('days must be a whole number')
    .min(1, `a token lasts from 1 to ${MAX_API_TOKEN_DAYS} days`)
    .max(MAX_API_TOKEN_DAYS, `a token lasts from 1 to ${MAX_API_TOKEN_DAYS} days`)
    .default(DEFAULT_API_TOKEN_DAYS),
})

export interface ApiTokenRow {
  id: number
  user: string
  label: string
  hint: string
  createdAt: string
  lastUsedAt: string
  expiresAt: string
  address: string
}

export async function createApiToken(ctx: MsxContext, owner: SessionUser, input: z.input<typeof newApiTokenSchema>) {
  const request = parseOrInvalid(newApiTokenSchema, input)
  return transaction(ctx.db, async (tx) => {
    const token = await createSession(tx, owner.id, {
      kind: 'api',
      label: request.label,
      address: ctx.actor.address,
      expiresInDays: request.expiresInDays,
    })
    await recordAudit(tx, ctx.actor, {
      action: 'api-token.create',
      objectType: 'api-token',
      objectName: `${owner.name}: ${request.label || `token ${token.id}`}`,
      details: { id: token.id, expiresAt: token.expiresAt.toISOString() },
    })
    return token
  })
}

/** The caller's own tokens; with `all`, an administrator's view of everyone's. */
export async function listApiTokens(ctx: MsxContext, caller: SessionUser, options: { all?: boolean } = {}) {
  const everyone = options.all === true && can(caller.role, 'users.manage')
  const rows = await ctx.db.session.findMany({
    where: { kind: 'api', expiresAt: { gt: new Date() }, ...(everyone ? {} : { userId: caller.id }) },
    include: { user: { select: { name: true } } },
    orderBy: { id: 'asc' },
  })
  return rows.map(
    (s): ApiTokenRow => ({
      id: s.id,
      user: s.user.name,
      label: s.label,
      hint: `${s.hint}…`,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      address: s.address,
    }),
  )
}

/** Revokes at once: the next request with the token is refused. Others' tokens only for an administrator. */
export async function revokeApiToken(ctx: MsxContext, caller: SessionUser, id: number) {
  return transaction(ctx.db, async (tx) => {
    const token = await tx.session.findFirst({
      where: { id, kind: 'api' },
      include: { user: { select: { name: true } } },
    })
    if (!token || (token.userId !== caller.id && !can(caller.role, 'users.manage')))
      throw notFound(`There is no API token ${id} of yours: msx api-token list shows them.`)
    await tx.session.delete({ where: { id } })
    await recordAudit(tx, ctx.actor, {
      action: 'api-token.revoke',
      objectType: 'api-token',
      objectName: `${token.user.name}: ${token.label || `token ${id}`}`,
      details: { id },
    })
  })
}
