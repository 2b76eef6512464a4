// Who each client certificate belongs to, remembered for a few minutes so that a poll needs no lookup. The
// certificates not known that arrive in the same turn of the event loop (thousands of agents polling a gateway
// that has just started) are looked up together.
import type { Db } from '../../lib/db/client'
import { type AgentIdentity, identifyAgents } from '../../lib/msx/agents'
import { type Clock, systemClock } from './clock'

export const IDENTITY_TTL_MS = 5 * 60_000

export class IdentityCache {
  private readonly identities = new Map<string, { identity: AgentIdentity; at: number }>()
  private lookups = new Map<string, { resolve(identity: AgentIdentity): void; reject(error: unknown): void }[]>()

  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Who holds this certificate, when it is known in memory (no promise on the hot path). */
  known(fingerprint: string): AgentIdentity | undefined {
    const cached = this.identities.get(fingerprint)
    return cached && this.clock.now() - cached.at < IDENTITY_TTL_MS ? cached.identity : undefined
  }

  identify(fingerprint: string): Promise<AgentIdentity> {
    const cached = this.known(fingerprint)
    if (cached) return Promise.resolve(cached)
    return new Promise((resolve, reject) => {
      if (this.lookups.size === 0) setImmediate(() => void this.lookUpGathered())
      const waiting = this.lookups.get(fingerprint) ?? []
      waiting.push({ resolve, reject })
      this.lookups.set(fingerprint, waiting)
    })
  }

  /** Forgets the certificates of a target (it defected, or its certificate changed). */
  forgetTarget(targetId: number) {
    for (const [fingerprint, { identity }] of this.identities)
      if (identity.kind === 'target' && identity.target.id === targetId) this.identities.delete(fingerprint)
  }

  private async lookUpGathered() {
    const batch = this.lookups
    this.lookups = new Map()
    try {
      const found = await identifyAgents(this.db, [...batch.keys()])
      const at = this.clock.now()
      for (const [fingerprint, waiting] of batch) {
        const identity = found.get(fingerprint) ?? { kind: 'unknown' }
        this.identities.set(fingerprint, { identity, at })
        for (const { resolve } of waiting) resolve(identity)
      }
    } catch (error) {
      for (const waiting of batch.values()) for (const { reject } of waiting) reject(error)
    }
  }
}
