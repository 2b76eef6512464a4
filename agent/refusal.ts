// The refusal that stopped msx-agent run for good, kept so that status and defect say what the master said.
import type { RefusalCode } from '../lib/protocol/agent-v1'
import type { MasterRefused } from './errors'
import type { AgentStore } from './store'

export interface Refusal {
  code: string
  message: string
  at: string
}

// the master no longer lists this target: it was force-defected, or the master never issued its certificate
const NOT_LISTED: ReadonlySet<string> = new Set<RefusalCode>(['certificate_revoked', 'certificate_unknown'])

export function recordRefusal(store: AgentStore, error: MasterRefused, now = new Date()) {
  const refusal: Refusal = { code: error.code, message: error.message, at: now.toISOString() }
  store.set({ refusal: JSON.stringify(refusal) })
}

export function lastRefusal(store: AgentStore): Refusal | null {
  const stored = store.get('refusal')
  return stored ? (JSON.parse(stored) as Refusal) : null
}

/** Whether the refusal says the master has removed this target (so nothing is left to do there). */
export const masterForgotTarget = (refusal: Refusal | null) => refusal !== null && NOT_LISTED.has(refusal.code)
