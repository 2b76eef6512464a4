// etc/agent.json of an agent package: what the master wrote into it, read back by the packaged agent.
import { z } from 'zod'

export const packageConfigSchema = z.object({
  /** the agent gateway's address as targets reach it */
  gatewayUrl: z.url({ protocol: /^https$/, error: 'gatewayUrl must be the https:// address of the agent gateway' }),
  /** the master's CA certificate (PEM): the agent trusts the gateway by it */
  caPem: z.string().includes('BEGIN CERTIFICATE', { error: 'caPem must be a PEM certificate' }),
  /** the enlistment token made for this package */
  token: z.string().min(1, 'token must be an enlistment token'),
  location: z.string().default(''),
  /** the name to enlist under; the host name when absent */
  name: z.string().optional(),
  /** where the agent keeps its state; msx-agent/var beside bin/ when absent (install.sh sets /var/lib/msx-agent) */
  dataDir: z.string().optional(),
})

export type PackageConfig = z.infer<typeof packageConfigSchema>
