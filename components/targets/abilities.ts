// What the signed-in user's role allows on the target servers page, decided on the server and handed to the UI,
// which disables what is not allowed and says why (the server actions check again).
import { can, type Permission, refusalReason } from '@/lib/auth/permissions'
import type { Role } from '@/lib/auth/roles'

export interface Ability {
  allowed: boolean
  /** why not, when not allowed */
  reason: string
}

const TARGET_ACTIONS = {
  forcePoll: 'targets.force-poll',
  defect: 'targets.defect',
  forceDefect: 'targets.force-defect',
  enlist: 'enlistment.decide',
  createToken: 'enlistment.tokens',
} as const satisfies Record<string, Permission>

export type TargetAbilities = Record<keyof typeof TARGET_ACTIONS, Ability>

export function targetAbilities(role: Role): TargetAbilities {
  const entries = Object.entries(TARGET_ACTIONS).map(([action, permission]) => [
    action,
    { allowed: can(role, permission), reason: can(role, permission) ? '' : refusalReason(role, permission) },
  ])
  return Object.fromEntries(entries) as TargetAbilities
}
