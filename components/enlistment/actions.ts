'use server'

import { z } from 'zod'
import { sayNames } from '@/components/format/names'
import { authedAction } from '@/lib/auth/next/action'
import { tokenId } from '@/lib/auth/token-id'
import { approveEnlistmentRequests, rejectEnlistmentRequests } from '@/lib/msx/enlistment-requests'
import { createEnlistmentToken, revokeEnlistmentToken } from '@/lib/msx/enlistment-tokens'
import { enlistmentKeys, targetKeys } from '@/lib/query/keys'
import { enlistmentTokenInput } from './token-input'

const MAX_SELECTION = 1_000
const requestNames = z
  .array(z.string().trim().min(1).max(128))
  .min(1, 'Select at least one enlistment request.')
  .max(MAX_SELECTION, `Select at most ${MAX_SELECTION} enlistment requests at once.`)

export const enlistRequestsAction = authedAction({
  permission: 'enlistment.decide',
  audit: 'enlistment.approve',
  stale: [enlistmentKeys.pending(), targetKeys.all],
  input: z.object({ names: requestNames }),
  run: async (ctx, { names }) => {
    const targets = await approveEnlistmentRequests(ctx, names)
    const each = targets.length === 1 ? 'its agent collects its certificate' : 'each agent collects its certificate'
    return {
      data: undefined,
      message: `Enlisted ${sayNames(targets.map((t) => t.name))}: pending until ${each}.`,
    }
  },
})

export const rejectRequestsAction = authedAction({
  permission: 'enlistment.decide',
  audit: 'enlistment.reject',
  stale: [enlistmentKeys.pending()],
  input: z.object({
    names: requestNames,
    reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').default(''),
  }),
  run: async (ctx, { names, reason }) => {
    const rejected = await rejectEnlistmentRequests(ctx, names, reason)
    const told = reason ? `with the reason "${reason}"` : 'without a reason'
    return {
      data: undefined,
      message: `Rejected ${sayNames(rejected)}: the agent${rejected.length === 1 ? ' is' : 's are'} told at the next check, ${told}.`,
    }
  },
})

export const createTokenAction = authedAction({
  permission: 'enlistment.tokens',
  audit: 'token.create',
  stale: [enlistmentKeys.tokens()],
  input: enlistmentTokenInput,
  run: async (ctx, { hours, uses }) => {
    const { secret, token } = await createEnlistmentToken(ctx, {
      expiresInSeconds: hours * 3600,
      uses: uses ?? undefined,
      label: 'dashboard',
    })
    const allows = uses ? `${uses} enlistment${uses === 1 ? '' : 's'}` : 'any number of enlistments'
    return {
      data: { id: token.id, secret, expiresAt: token.expiresAt.toISOString(), uses: uses ?? null },
      message: `Created an enlistment token that allows ${allows} for ${hours} hour${hours === 1 ? '' : 's'}.`,
    }
  },
})

export const revokeTokenAction = authedAction({
  permission: 'enlistment.tokens',
  audit: 'token.revoke',
  stale: [enlistmentKeys.tokens()],
  input: tokenId,
  run: async (ctx, { id }) => {
    await revokeEnlistmentToken(ctx, id)
    return { data: undefined, message: `Revoked enlistment token ${id}: agents presenting it are refused from now on.` }
  },
})
