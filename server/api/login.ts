// POST /api/v1/login: a name and password for a new API token (what `msx login` stores).
import type http from 'node:http'
import { z } from 'zod'
import { signIn } from '../../lib/auth/sign-in'
import type { Db } from '../../lib/db/client'
import { checked } from './validation'

export const loginInput = z.object({
  name: z.string({ error: 'name is your user name' }),
  password: z.string({ error: 'password is your password' }),
  label: z.string({ error: 'label is text' }).max(100, 'a label has at most 100 characters').optional(),
  expiresInDays: z.number({ error: 'expiresInDays is a number of days' }).int('expiresInDays is whole days').optional(),
})

export async function login(db: Db, body: unknown, req: http.IncomingMessage) {
  const input = checked(loginInput, body)
  const signedIn = await signIn(db, { ...input, kind: 'api', address: req.socket.remoteAddress ?? '' })
  return {
    token: signedIn.secret,
    expiresAt: signedIn.expiresAt.toISOString(),
    user: { name: signedIn.user.name, role: signedIn.user.role },
  }
}
