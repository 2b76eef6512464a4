import 'server-only'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { db } from '../../db/client'
import { HTTP_STATUS, isMsxError } from '../../msx/errors'
import { can, type Permission, refusalReason } from '../permissions'
import type { SignedIn } from '../sessions'
import { userCount } from '../users'
import { currentUser } from './current-user'
import { isSameOrigin } from './origin'

export type PageAccess = { who: SignedIn; allowed: true } | { who: SignedIn; allowed: false; reason: string }

/**
 * Every page of the console starts here: off to the one-time setup while no user exists, to sign-in without a
 * session; otherwise the user, and whether the role may see this page (the page says why not).
 */
export async function requirePage(permission: Permission = 'read'): Promise<PageAccess> {
  const who = await currentUser()
  if (!who) {
    if ((await userCount(await db())) === 0) redirect('/setup')
    const path = (await headers()).get('x-msx-path')
    redirect(path && path !== '/' ? `/sign-in?next=${encodeURIComponent(path)}` : '/sign-in')
  }
  if (can(who.user.role, permission)) return { who, allowed: true }
  return { who, allowed: false, reason: refusalReason(who.user.role, permission) }
}

const refuse = (status: number, message: string) =>
  Response.json({ error: message }, { status, headers: { 'cache-control': 'no-store' } })

/**
 * The only way to write a JSON read of the dashboard: same-origin, signed in, permitted, or refused with a 4xx
 * that says why. Errors of the model become their 4xx; nothing else leaks.
 */
export function readRoute(
  permission: Permission,
  read: (request: Request, who: SignedIn) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isSameOrigin(request.headers))
      return refuse(403, 'Cross-site requests are refused: open the dashboard itself.')
    const who = await currentUser()
    if (!who) return refuse(401, 'Sign in first: your session has ended or you are not signed in.')
    if (!can(who.user.role, permission)) return refuse(403, refusalReason(who.user.role, permission))
    try {
      const response = await read(request, who)
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store')
      return response
    } catch (error) {
      if (isMsxError(error)) return refuse(HTTP_STATUS[error.code], error.message)
      throw error
    }
  }
}
