import 'server-only'
import { headers } from 'next/headers'
import type { z } from 'zod'
import type { MsxContext } from '../../msx/context'
import { isMsxError } from '../../msx/errors'
import type { ActionResult, StaleView } from '../action-result'
import type { Permission } from '../permissions'
import { authorizeRecorded } from '../recorded-refusal'
import type { SignedIn } from '../sessions'
import { contextOf, currentUser } from './current-user'
import { isSameOrigin } from './origin'

interface ActionSpec<S extends z.ZodType, T> {
  permission: Permission
  /** the activity-log name of the action, also for a refused attempt */
  audit: string
  input: S
  /** a further permission some inputs need (posting DEFECT, START or STOP) */
  alsoNeeds?: (input: z.output<S>) => Permission | undefined
  run: (ctx: MsxContext, input: z.output<S>, who: SignedIn) => Promise<{ data: T; message: string }>
  /** the views this action makes stale when it succeeds: the one mutation hook refreshes exactly these */
  stale: readonly StaleView[] | ((input: z.output<S>) => readonly StaleView[])
}

/**
 * The only way to write a server action: same-origin, signed in, role checked (a refusal is recorded in the
 * activity log), input validated with messages per field, errors of the model returned as sentences.
 */
export function authedAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    if (!isSameOrigin(await headers())) return { ok: false, message: 'Cross-site requests are refused.' }
    const who = await currentUser()
    if (!who) return { ok: false, message: 'Your session has ended: sign in again.' }
    const ctx = await contextOf(who)
    const authorize = (permission: Permission) =>
      authorizeRecorded(ctx.db, ctx.actor, who.user.role, permission, {
        action: spec.audit,
        objectType: 'permission',
        objectName: permission,
      })
    try {
      await authorize(spec.permission)
    } catch (error) {
      if (isMsxError(error)) return { ok: false, message: error.message }
      throw error
    }
    const parsed = spec.input.safeParse(raw)
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {}
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || 'form'
        fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message]
      }
      return { ok: false, message: 'Some values need attention.', fieldErrors }
    }
    try {
      const further = spec.alsoNeeds?.(parsed.data)
      if (further) await authorize(further)
      const { data, message } = await spec.run(ctx, parsed.data, who)
      const stale = typeof spec.stale === 'function' ? spec.stale(parsed.data) : spec.stale
      return { ok: true, data, message, stale }
    } catch (error) {
      if (isMsxError(error)) return { ok: false, message: error.message }
      throw error
    }
  }
}
