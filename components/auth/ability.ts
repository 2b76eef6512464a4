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

/** The ability for each named action of a page, from the permission each one needs. */
export function abilitiesOf<Action extends string>(
  role: Role,
  permissions: Record<Action, Permission>,
): Record<Action, Ability> {
  const entries = Object.entries<Permission>(permissions).map(([action, permission]) => [
    action,
    abilityOf(role, permission),
  ])
  return Object.fromEntries(entries) as Record<Action, Ability>
}
