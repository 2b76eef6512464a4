// What the signed-in user's role allows, decided on the server and handed to the UI, which disables what is not
// allowed and says why (the server actions check again).
import { can, type Permission, refusalReason } from '@/lib/auth/permissions'
import type { Role } from '@/lib/auth/roles'

export interface Ability {
  allowed: boolean
  /** why not, when not allowed */
  reason: string
}

export function abilityOf(role: Role, permission: Permission): Ability {
  return can(role, permission)
    ? { allowed: true, reason: '' }
    : { allowed: false, reason: refusalReason(role, permission) }
}
