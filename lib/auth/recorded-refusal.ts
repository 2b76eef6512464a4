// A signed-in user's attempt their role does not allow is refused with the reason and kept in the activity log,
// whichever edge (dashboard action or msx API) it came through.
import type { Db } from '../db/client'
import { recordAudit } from '../msx/audit'
import type { Actor } from '../msx/context'
import { forbidden } from '../msx/errors'
import { can, type Permission, refusalReason } from './permissions'
import type { Role } from './roles'

export interface AttemptEntry {
  action: string
  objectType: string
  objectName: string
}

/** Throws `forbidden` with the reason, after recording the attempt, when the role lacks the permission. */
export async function authorizeRecorded(
  db: Db,
  actor: Actor,
  role: Role,
  permission: Permission,
  attempt: AttemptEntry,
): Promise<void> {
  if (can(role, permission)) return
  const reason = refusalReason(role, permission)
  await recordAudit(db, actor, { ...attempt, result: 'failure', details: { reason } })
  throw forbidden(reason)
}
