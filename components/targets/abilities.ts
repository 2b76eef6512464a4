// What the signed-in user's role allows on the target servers page.
import { type Ability, abilitiesOf, abilityOf } from '@/components/auth/ability'
import { furtherPermissionToPost } from '@/lib/auth/permissions'
import type { Role } from '@/lib/auth/roles'
import { POSTABLE_OPERATIONS, type PostableOperation } from './instruction-types'

const TARGET_ACTIONS = {
  forcePoll: 'targets.force-poll',
  defect: 'targets.defect',
  forceDefect: 'targets.force-defect',
  postInstructions: 'instructions.post',
  resync: 'targets.resync',
  enlist: 'enlistment.decide',
  createToken: 'enlistment.tokens',
} as const

export type TargetAbilities = Record<keyof typeof TARGET_ACTIONS, Ability>

export function targetAbilities(role: Role): TargetAbilities {
  return abilitiesOf(role, TARGET_ACTIONS)
}

/** Which instruction types the role may post: DEFECT, START and STOP need more than instructions.post. */
export function postAbilities(role: Role): Record<PostableOperation, Ability> {
  const entries = POSTABLE_OPERATIONS.map((operation) => {
    const further = furtherPermissionToPost(operation)
    const post = abilityOf(role, 'instructions.post')
    return [operation, post.allowed && further ? abilityOf(role, further) : post]
  })
  return Object.fromEntries(entries) as Record<PostableOperation, Ability>
}
