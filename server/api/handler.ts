// The msx API: POST /api/v1/NAME with a JSON body and an API token. Every command is authenticated, authorized
// and validated here, in one place, before it runs; refusals are { error: { code, message } } with a 4xx.
import type http from 'node:http'
import { z } from 'zod'
import type { Permission } from '../../lib/auth/permissions'
import { authorizeRecorded } from '../../lib/auth/recorded-refusal'
import { authenticate, type SignedIn } from '../../lib/auth/sessions'
import type { Db } from '../../lib/db/client'
import type { Log } from '../../lib/log'
import type { Actor } from '../../lib/msx/context'
import { invalid, unauthenticated } from '../../lib/msx/errors'
import { Refusal, readBody, send, sendError } from '../http-json'
import type { Command } from './command'
import { commands } from './commands'
import { login } from './login'
import { checked, describeIssues } from './validation'

export const API_PREFIX = '/api/v1/'

const NO_TOKEN = 'Sign in first: msx login NAME --password-stdin (or set MSX_API_TOKEN).'
const BAD_TOKEN =
  'This API token is not valid (revoked, expired or unknown): sign in again with msx login NAME --password-stdin.'

const anyBody = z.unknown()

function bearerToken(req: http.IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return match?.[1] ?? null
}

function commandNamed(name: string): Command | undefined {
  return Object.hasOwn(commands, name) ? (commands as Record<string, Command>)[name] : undefined
}

/** Refuses, and records the attempt in the activity log, when the caller's role lacks the permission. */
function requirePermission(
  db: Db,
  caller: SignedIn,
  actor: Actor,
  permission: Permission,
  command: Command,
  body: unknown,
) {
  const parsed = command.input.safeParse(body)
  const objectName = parsed.success ? (command.objectName?.(parsed.data) ?? '') : ''
  return authorizeRecorded(db, actor, caller.user.role, permission, { ...command.audit, objectName })
}

async function runCommand(db: Db, name: string, req: http.IncomingMessage, body: unknown) {
  const command = commandNamed(name)
  if (!command) throw new Refusal(404, 'not_found', `${API_PREFIX}${name} is not a command of the msx API.`)
  const token = bearerToken(req)
  if (!token) throw unauthenticated(NO_TOKEN)
  const caller = await authenticate(db, token, 'api')
  if (!caller) throw unauthenticated(BAD_TOKEN)
  const actor: Actor = { name: caller.user.name, address: req.socket.remoteAddress ?? '' }
  await requirePermission(db, caller, actor, command.permission, command, body)
  const input = checked(command.input, body)
  const further = command.alsoNeeds?.(input)
  if (further) await requirePermission(db, caller, actor, further, command, body)
  return command.run({ db, actor }, input, caller)
}

export function apiHandler(db: Db, log: Log): http.RequestListener {
  return async (req, res) => {
    try {
      const path = (req.url ?? '').split('?')[0] ?? ''
      if (!path.startsWith(API_PREFIX)) throw new Refusal(404, 'not_found', `${path} is not part of the msx API.`)
      if (req.method !== 'POST') throw new Refusal(405, 'method_not_allowed', `${path} takes POST.`)
      const body = (await readBody(req, anyBody)) ?? {}
      const name = path.slice(API_PREFIX.length)
      send(res, 200, name === 'login' ? await login(db, body, req) : await runCommand(db, name, req, body))
    } catch (error) {
      // a schema deeper in the model refusing what passed the command's own check is still bad input
      const refusal = error instanceof z.ZodError ? invalid(describeIssues(error)) : error
      if (sendError(res, refusal) === 'failed') log.error({ err: error }, `API request ${req.method} ${req.url} failed`)
    }
  }
}
