// The caller's own account: who they are, their API tokens, signing out.
import { z } from 'zod'
import { createApiToken, listApiTokens, newApiTokenSchema, revokeApiToken } from '../../../lib/auth/api-tokens'
import { signOut } from '../../../lib/auth/sign-in'
import { tokenId } from '../../../lib/auth/token-id'
import { command } from '../command'
import { nothing } from './inputs'

export const tokenCommands = {
  whoami: command({
    permission: 'read',
    input: nothing,
    audit: { action: 'user.whoami', objectType: 'user' },
    async run(ctx, _input, caller) {
      const token = await ctx.db.session.findUnique({
        where: { id: caller.sessionId },
        select: { label: true, expiresAt: true },
      })
      return {
        name: caller.user.name,
        role: caller.user.role,
        token: { id: caller.sessionId, label: token?.label ?? '', expiresAt: token?.expiresAt.toISOString() ?? null },
      }
    },
  }),

  'api-tokens.create': command({
    permission: 'self.manage',
    input: newApiTokenSchema,
    audit: { action: 'api-token.create', objectType: 'api-token' },
    async run(ctx, input, caller) {
      const token = await createApiToken(ctx, caller.user, input)
      return { token: token.secret, id: token.id, expiresAt: token.expiresAt.toISOString(), label: input.label }
    },
  }),

  'api-tokens.list': command({
    permission: 'self.manage',
    input: z.object({ all: z.boolean({ error: 'all is true or false' }).default(false) }),
    audit: { action: 'api-token.list', objectType: 'api-token' },
    alsoNeeds: (input) => (input.all ? 'users.manage' : undefined),
    run: (ctx, input, caller) => listApiTokens(ctx, caller.user, { all: input.all }),
  }),

  'api-tokens.revoke': command({
    permission: 'self.manage',
    input: tokenId,
    audit: { action: 'api-token.revoke', objectType: 'api-token' },
    objectName: (input) => `token ${input.id}`,
    async run(ctx, input, caller) {
      await revokeApiToken(ctx, caller.user, input.id)
      return { id: input.id }
    },
  }),

  logout: command({
    permission: 'self.manage',
    input: nothing,
    audit: { action: 'user.sign-out', objectType: 'user' },
    async run(ctx, _input, caller) {
      await signOut(ctx.db, { sessionId: caller.sessionId, name: caller.user.name }, ctx.actor.address)
      return { id: caller.sessionId }
    },
  }),
}
