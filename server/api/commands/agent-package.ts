// Agent packages: the bundle with the gateway's address, the CA and a new enlistment token, for a target to join.
import { agentPackageSchema, createAgentPackage } from '../../../lib/msx/agent-package'
import { command } from '../command'

export const agentPackageCommands = {
  'agent-package.create': command({
    permission: 'enlistment.tokens',
    input: agentPackageSchema,
    audit: { action: 'agent-package.create', objectType: 'token' },
    async run(ctx, input) {
      const made = await createAgentPackage(ctx, input)
      return {
        fileName: made.fileName,
        archiveBase64: made.archive.toString('base64'),
        tokenId: made.token.id,
        tokenExpiresAt: made.token.expiresAt.toISOString(),
        tokenUses: made.token.usesLeft,
        gatewayUrl: made.gatewayUrl,
      }
    },
  }),
}
