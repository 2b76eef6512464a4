'use server'

// Download agent package in the Enlist a target server dialog: the package is made on request, by the same core
// function as msx agent-package (its token listed with the others, the making in the activity log).
import { z } from 'zod'
import { authedAction } from '@/lib/auth/next/action'
import { agentPackageSchema, createAgentPackage } from '@/lib/msx/agent-package'
import { enlistmentKeys } from '@/lib/query/keys'

export const createAgentPackageAction = authedAction({
  permission: 'enlistment.tokens',
  audit: 'agent-package.create',
  stale: [enlistmentKeys.tokens()],
  input: z.object({ type: agentPackageSchema.shape.type, gatewayUrl: agentPackageSchema.shape.gatewayUrl }),
  run: async (ctx, input) => {
    const made = await createAgentPackage(ctx, input)
    return {
      data: { fileName: made.fileName, base64: made.archive.toString('base64') },
      message: `Made ${made.fileName}: it enlists into ${made.gatewayUrl} with enlistment token ${made.token.id} (revocable below).`,
    }
  },
})
