// What each user chose for the live lists: whether they refresh by themselves, and how often (SSMS's
// "Enable auto refresh" and "Refresh every N seconds" on Manage Target Servers), kept across sign-ins.
import type { Db } from '../db/client'
import { recordAudit } from '../msx/audit'
import { inTransaction, type MsxContext } from '../msx/context'
import { notFound, parseOrInvalid } from '../msx/errors'
import { type RefreshPreferences, refreshPreferencesSchema } from './refresh-preferences'

export async function refreshPreferences(db: Db, userId: number): Promise<RefreshPreferences> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { autoRefresh: true, refreshSeconds: true } })
  if (!user) throw notFound('Your account no longer exists: sign in again.')
  return user
}

export async function saveRefreshPreferences(
  ctx: MsxContext,
  userId: number,
  input: RefreshPreferences,
): Promise<RefreshPreferences> {
  const preferences = parseOrInvalid(refreshPreferencesSchema, input)
  return inTransaction(ctx, async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: preferences,
      select: { name: true, autoRefresh: true, refreshSeconds: true },
    })
    await recordAudit(tx, ctx.actor, {
      action: 'user.preferences',
      objectType: 'user',
      objectName: user.name,
      details: preferences,
    })
    return { autoRefresh: user.autoRefresh, refreshSeconds: user.refreshSeconds }
  })
}
