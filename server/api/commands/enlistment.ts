// Enlistment: tokens for agents, the CA fingerprint they check the master by, and requests awaiting a decision.
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { tokenId } from '../../../lib/auth/token-id'
import { config } from '../../../lib/config'
import {
  approveEnlistmentRequests,
  listPendingRequests,
  rejectEnlistmentRequests,
  rejectionReason,
} from '../../../lib/msx/enlistment-requests'
import { createEnlistmentToken, listEnlistmentTokens, revokeEnlistmentToken } from '../../../lib/msx/enlistment-tokens'
import { notFound } from '../../../lib/msx/errors'
import { readMaster } from '../../../lib/msx/master'
import { certificateFingerprint } from '../../../lib/pki/fingerprint'
import { command } from '../command'
import { names, nothing, serverNames } from './inputs'

export const enlistmentCommands = {
  'enlistment.token-create': command({
    permission: 'enlistment.tokens',
    input: z.object({
      uses: z.number({ error: 'uses is a whole number' }).int('uses is a whole number').optional(),
      expiresInSeconds: z.number({ error: 'expiresInSeconds is a number of seconds' }).int().optional(),
      label: z.string({ error: 'label is text' }).max(200, 'a label has at most 200 characters').optional(),
    }),
    audit: { action: 'token.create', objectType: 'token' },
    async run(ctx, input) {
      const { secret, token } = await createEnlistmentToken(ctx, input)
      return { token: secret, id: token.id, expiresAt: token.expiresAt.toISOString(), uses: token.usesLeft }
    },
  }),

  'enlistment.token-list': command({
    permission: 'enlistment.tokens',
    input: z.object({ all: z.boolean({ error: 'all is true or false' }).default(false) }),
    audit: { action: 'token.list', objectType: 'token' },
    run: (ctx, input) => listEnlistmentTokens(ctx.db, { all: input.all }),
  }),

  'enlistment.token-revoke': command({
    permission: 'enlistment.tokens',
    input: tokenId,
    audit: { action: 'token.revoke', objectType: 'token' },
    objectName: (input) => `token ${input.id}`,
    async run(ctx, input) {
      const token = await revokeEnlistmentToken(ctx, input.id)
      return { id: token.id, revokedAt: token.revokedAt?.toISOString() ?? null }
    },
  }),

  'enlistment.ca-fingerprint': command({
    permission: 'read',
    input: nothing,
    audit: { action: 'master.ca-fingerprint', objectType: 'master' },
    async run(ctx) {
      const master = await readMaster(ctx.db)
      if (master?.caFingerprint) return { fingerprint: master.caFingerprint }
      const file = path.join(config().dataDir, 'pki', 'ca.crt')
      if (!fs.existsSync(file)) throw notFound(`There is no CA at ${file}: start the master once to create it.`)
      return { fingerprint: certificateFingerprint(fs.readFileSync(file, 'utf8')) }
    },
  }),

  'enlistment.requests': command({
    permission: 'read',
    input: nothing,
    audit: { action: 'enlistment.list', objectType: 'enlistment' },
    run: (ctx) => listPendingRequests(ctx.db),
  }),

  'enlistment.approve': command({
    permission: 'enlistment.decide',
    input: z.object({ names: serverNames }),
    audit: { action: 'target.enlist', objectType: 'target' },
    objectName: (input) => names(input.names),
    async run(ctx, input) {
      const targets = await approveEnlistmentRequests(ctx, input.names)
      return { names: targets.map((t) => t.name) }
    },
  }),

  'enlistment.reject': command({
    permission: 'enlistment.decide',
    input: z.object({
      names: serverNames,
      reason: rejectionReason,
    }),
    audit: { action: 'enlistment.reject', objectType: 'enlistment' },
    objectName: (input) => names(input.names),
    run: async (ctx, input) => ({ names: await rejectEnlistmentRequests(ctx, input.names, input.reason) }),
  }),
}
