// What the signed-in user's role allows on the download list, decided on the server and handed to the UI, which
// disables what is not allowed and says why (the server actions check again).
import { type Ability, abilityOf } from '@/components/auth/ability'
import type { Role } from '@/lib/auth/roles'

/** Delete and Clear both need instructions.manage. */
export function instructionAbilities(role: Role): { manage: Ability } {
  return { manage: abilityOf(role, 'instructions.manage') }
}
