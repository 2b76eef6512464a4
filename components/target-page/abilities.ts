// What the signed-in user's role allows on a target's page, decided on the server and handed to the UI, which
// disables what is not allowed and says why (the server actions check again).
import { can, type Permission, refusalReason } from '@/lib/auth/permissions'
import type { Role } from '@/lib/auth/roles'

export interface Ability {
  allowed: boolean
  /** why not, when not allowed */
  reason: string
}

const TARGET_PAGE_ACTIONS = {
  editTarget: 'targets.edit',
  editGroups: 'groups.edit',
} as const satisfies Record<string, Permission>

export type TargetPageAbilities = Record<keyof typeof TARGET_PAGE_ACTIONS, Ability>

export function targetPageAbilities(role: Role): TargetPageAbilities {
  const entries = Object.entries(TARGET_PAGE_ACTIONS).map(([action, permission]) => [
    action,
    can(role, permission) ? { allowed: true, reason: '' } : { allowed: false, reason: refusalReason(role, permission) },
  ])
  return Object.fromEntries(entries) as TargetPageAbilities
}
