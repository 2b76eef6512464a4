// What the signed-in user's role allows on the download list, decided on the server and handed to the UI, which
// disables what is not allowed and says why (the server actions check again).
import { can, refusalReason } from '@/lib/auth/permissions'
import type { Role } from '@/lib/auth/roles'

export interface Ability {
  allowed: boolean
  /** why not, when not allowed */
  reason: string
}

/** Delete and Clear both need instructions.manage. */
export function instructionAbilities(role: Role): { manage: Ability } {
  const allowed = can(role, 'instructions.manage')
  return { manage: { allowed, reason: allowed ? '' : refusalReason(role, 'instructions.manage') } }
}
