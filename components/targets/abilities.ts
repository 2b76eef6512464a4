// What the signed-in user's role allows on the target servers page, decided on the server and handed to the UI,
// which disables what is not allowed and says why (the server actions check again).
import { can, furtherPermissionToPost, type Permission, refusalReason } from '@/lib/auth/permissions'
import type { Role } from '@/lib/auth/roles'
import { POSTABLE_OPERATIONS, type PostableOperation } from './instruction-types'

export interface Ability {
  allowed: boolean
  /** why not, when not allowed */
  reason: string
}

const TARGET_ACTIONS = {
  forcePoll: 'targets.force-poll',
  defect: 'targets.defect',
  forceDefect: 'targets.force-defect',
  postInstructions: 'instructions.post',
  resync: 'targets.resync',
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

const abilityOf = (role: Role, permission: Permission): Ability =>
  can(role, permission) ? { allowed: true, reason: '' } : { allowed: false, reason: refusalReason(role, permission) }

/** Which instruction types the role may post: DEFECT, START and STOP need more than instructions.post. */
export function postAbilities(role: Role): Record<PostableOperation, Ability> {
  const entries = POSTABLE_OPERATIONS.map((operation) => {
    const further = furtherPermissionToPost(operation)
    const post = abilityOf(role, 'instructions.post')
    return [operation, post.allowed && further ? abilityOf(role, further) : post]
  })
  return Object.fromEntries(entries) as Record<PostableOperation, Ability>
}
