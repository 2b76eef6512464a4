// What the signed-in user's role allows on a target's page.
import { type Ability, abilitiesOf } from '@/components/auth/ability'
import type { Role } from '@/lib/auth/roles'

const TARGET_PAGE_ACTIONS = {
  editTarget: 'targets.edit',
  editGroups: 'groups.edit',
} as const

export type TargetPageAbilities = Record<keyof typeof TARGET_PAGE_ACTIONS, Ability>

export function targetPageAbilities(role: Role): TargetPageAbilities {
  return abilitiesOf(role, TARGET_PAGE_ACTIONS)
}
