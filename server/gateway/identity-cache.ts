// Who each client certificate belongs to, remembered for a few minutes so that a poll needs no lookup.
import type { Db } from '../../lib/db/client'
import { type AgentIdentity, identifyAgent } from '../../lib/msx/agents'
import { type Clock, systemClock } from './clock'

export const IDENTITY_TTL_MS = 5 * 60_000

export class IdentityCache {
  private readonly identities = new Map<string, { identity: AgentIdentity; at: number }>()

  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Who holds this certificate, when it is known in memory (no promise on the hot path). */
  known(fingerprint: string): AgentIdentity | undefined {
    const cached = this.identities.get(fingerprint)
    return cached && this.clock.now() - cached.at < IDENTITY_TTL_MS ? cached.identity : undefined
  }

  async identify(fingerprint: string): Promise<AgentIdentity> {
    const cached = this.known(fingerprint)
    if (cached) return cached
    const identity = await identifyAgent(this.db, fingerprint)
    this.identities.set(fingerprint, { identity, at: this.clock.now() })
    return identity
  }

  /** Forgets the certificates of a target (it defected, or its certificate changed). */
  forgetTarget(targetId: number) {
    for (const [fingerprint, { identity }] of this.identities)
      if (identity.kind === 'target' && identity.target.id === targetId) this.identities.delete(fingerprint)
  }
}
