import 'server-only'
import { cookies, headers } from 'next/headers'
import { cache } from 'react'
import { db } from '../../db/client'
import type { Actor, MsxContext } from '../../msx/context'
import { authenticate, type SignedIn } from '../sessions'
import { SESSION_COOKIE } from './cookie'

/** The signed-in user of this request, or null; read once per request. */
export const currentUser = cache(async (): Promise<SignedIn | null> => {
  const secret = (await cookies()).get(SESSION_COOKIE)?.value
  return authenticate(await db(), secret, 'browser')
})

/** The browser's address as the master sees it, for the activity log. */
export async function clientAddress(): Promise<string> {
  const h = await headers()
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || ''
}

export async function contextOf(who: SignedIn): Promise<MsxContext> {
  const actor: Actor = { name: who.user.name, address: await clientAddress() }
  return { db: await db(), actor }
}
