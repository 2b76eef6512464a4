'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { revokeApiToken } from '@/lib/auth/api-tokens'
import { authedAction } from '@/lib/auth/next/action'
import { requestIsSecure, SESSION_COOKIE, sessionCookieOptions } from '@/lib/auth/next/cookie'
import { clientAddress, currentUser } from '@/lib/auth/next/current-user'
import { isSameOrigin } from '@/lib/auth/next/origin'
import { newPasswordSchema } from '@/lib/auth/passwords-policy'
import { signIn, signOut } from '@/lib/auth/sign-in'
import { changeOwnPassword, setUpFirstAdministrator } from '@/lib/auth/users'
import { db } from '@/lib/db/client'
import { isMsxError } from '@/lib/msx/errors'
import { SERVER_RENDERED } from '@/lib/query/keys'

export type AuthFormState = {
  ok: boolean
  message: string
  fieldErrors?: Record<string, string[] | undefined>
} | null

/** Only a path of this dashboard: never another site, whatever the link said. */
function safeNext(next: FormDataEntryValue | null): string {
  const path = typeof next === 'string' ? next : ''
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/targets'
}

async function startSession(name: string, password: string): Promise<void> {
  const session = await signIn(await db(), { name, password, kind: 'browser', address: await clientAddress() })
  const secure = requestIsSecure(await headers())
  ;(await cookies()).set(SESSION_COOKIE, session.secret, sessionCookieOptions(secure, session.expiresAt))
}

export async function signInAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  if (!isSameOrigin(await headers())) return { ok: false, message: 'Cross-site requests are refused.' }
  try {
    await startSession(String(form.get('name') ?? ''), String(form.get('password') ?? ''))
  } catch (error) {
    if (isMsxError(error)) return { ok: false, message: error.message }
    throw error
  }
  redirect(safeNext(form.get('next')))
}

const setupSchema = z
  .object({ name: z.string(), password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'the two passwords differ' })

export async function setUpAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  if (!isSameOrigin(await headers())) return { ok: false, message: 'Cross-site requests are refused.' }
  const parsed = setupSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success)
    return {
      ok: false,
      message: 'Some values need attention.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    }
  try {
    await setUpFirstAdministrator(await db(), parsed.data, await clientAddress())
    await startSession(parsed.data.name, parsed.data.password)
  } catch (error) {
    if (isMsxError(error)) return { ok: false, message: error.message }
    throw error
  }
  redirect('/targets')
}

export async function signOutAction(): Promise<void> {
  const who = await currentUser()
  if (who && isSameOrigin(await headers())) {
    await signOut(await db(), { sessionId: who.sessionId, name: who.user.name }, await clientAddress())
  }
  ;(await cookies()).delete(SESSION_COOKIE)
  redirect('/sign-in')
}

export const changePasswordAction = authedAction({
  permission: 'self.manage',
  audit: 'user.password',
  stale: [],
  input: z
    .object({ current: z.string().min(1, 'type your current password'), next: newPasswordSchema, confirm: z.string() })
    .refine((v) => v.next === v.confirm, { path: ['confirm'], message: 'the two new passwords differ' }),
  run: async (ctx, input, who) => {
    await changeOwnPassword(ctx, { userId: who.user.id, sessionId: who.sessionId }, input)
    return { data: undefined, message: 'Password changed. Your other browser sessions were signed out.' }
  },
})

export const revokeApiTokenAction = authedAction({
  permission: 'self.manage',
  audit: 'api-token.revoke',
  stale: [SERVER_RENDERED],
  input: z.object({ id: z.coerce.number().int().positive() }),
  run: async (ctx, input, who) => {
    await revokeApiToken(ctx, who.user, input.id)
    return { data: undefined, message: `Revoked API token ${input.id}: the msx CLI can no longer use it.` }
  },
})
