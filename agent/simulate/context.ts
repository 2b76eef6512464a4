// What every virtual target of one swarm shares: the master, how it is trusted, where identities are kept,
// the enlistment limit, the counters, and the hooks a benchmark listens on.
import type { Instruction } from '../../lib/protocol/agent-v1'
import type { EncryptMode } from '../trust'
import type { IdentityStore } from './identities'
import type { Limit } from './limit'
import type { SwarmStats } from './stats'

export interface SwarmHooks {
  /** an instruction reached a virtual target (before it is carried out) */
  onInstruction?(target: string, instruction: Instruction, receivedAt: number): void
  /** the master took a virtual target's acknowledgements */
  onAcknowledged?(target: string, count: number, at: number): void
}

export interface SwarmContext {
  masterUrl: string
  encrypt: EncryptMode
  /** the master's CA, validated against in strict mode */
  caPem?: string
  token?: string
  location: string
  /** polling interval the virtual targets use instead of the master's, until a SET-POLL */
  pollIntervalSeconds?: number
  failSteps: boolean
  identities: IdentityStore
  enlistLimit: Limit
  stats: SwarmStats
  hooks: SwarmHooks
  signal: AbortSignal
  say(line: string): void
  /** the first enlistment tells the swarm which master it enlisted into */
  enlistedInto(master: { name: string; caPem: string }): void
}
