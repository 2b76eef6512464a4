// The msx API's one gate, on each database: sign-in, tokens, roles (with the further permission some inputs
// need), input checks and the activity log of refused attempts, over real HTTP to the handler.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../lib/auth/roles'
import { createSession } from '../../lib/auth/sessions'
import { createUser } from '../../lib/auth/users'
import { createLogger } from '../../lib/log'
import { ensureMaster } from '../../lib/msx/master'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { apiHandler } from './handler'

const state = testDatabase()
let server: http.Server
let base: string
const tokens = {} as Record<Role, string>
const PASSWORD = 'a password long enough'

beforeAll(async () => {
  await ensureMaster(state.ctx.db, 'MSX1')
  for (const role of ['administrator', 'operator', 'viewer'] as const) {
    const user = await createUser(state.ctx, { name: `api-${role}`, role, password: PASSWORD })
    tokens[role] = (await createSession(state.ctx.db, user.id, { kind: 'api' })).secret
  }
  server = http.createServer(apiHandler(state.ctx.db, createLogger('silent')))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/`
})
afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

async function call(command: string, body: unknown, token?: string) {
  const response = await fetch(base + command, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

describe('the msx API', () => {
  it('signs in with a name and password for an API token that then works', async () => {
    const login = await call('login', { name: 'api-operator', password: PASSWORD, expiresInDays: 7 })
    expect(login.status).toBe(200)
    expect(login.body.user).toEqual({ name: 'api-operator', role: 'operator' })
    expect((await call('whoami', {}, login.body.token)).body).toMatchObject({ name: 'api-operator' })
    const wrong = await call('login', { name: 'api-operator', password: 'not it at all' })
    expect(wrong).toEqual({
      status: 401,
      body: { error: { code: 'unauthenticated', message: 'Wrong user name or password.' } },
    })
  })

  it('refuses a caller without a valid token, and writes nothing to the activity log', async () => {
    const before = await state.ctx.db.auditEvent.count()
    expect((await call('targets.force-poll', { names: ['X'] })).body.error.message).toBe(
      'Sign in first: msx login NAME --password-stdin (or set MSX_API_TOKEN).',
    )
    const forged = await call('targets.force-poll', { names: ['X'] }, 'msx_forged')
    expect(forged.status).toBe(401)
    expect(forged.body.error.message).toContain('This API token is not valid')
    expect(await state.ctx.db.auditEvent.count()).toBe(before)
  })

  it('asks for the further permission an input needs: changing jobs, running them, defecting', async () => {
    const insert = await call(
      'instructions.post',
      { operation: 'insert', job: 'nightly', recipients: { all: true } },
      tokens.operator,
    )
    expect(insert.status).toBe(403)
    expect(insert.body.error.message).toContain('Operators may not create, change or delete jobs')
    const start = await call(
      'instructions.post',
      { operation: 'START', job: 'nightly', recipients: { all: true } },
      tokens.viewer,
    )
    expect(start.body.error.message).toContain('Viewers may not post instructions')
    const defect = await call('targets.defect', { name: 'TSX1', force: true }, tokens.administrator)
    expect(defect.status).toBe(404) // allowed: refused only by the model, as there is no TSX1
    const refused = await state.ctx.db.auditEvent.findFirst({
      where: { actor: 'api-operator', action: 'instruction.post', result: 'failure' },
    })
    expect(refused).toMatchObject({ objectName: 'INSERT' })
  })

  it('answers bad input with 400 naming the field, and other mistakes with their 4xx', async () => {
    const field = await call('instructions.delete', { ids: ['one'] }, tokens.operator)
    expect(field).toEqual({
      status: 400,
      body: {
        error: { code: 'invalid', message: 'The request is not valid: ids[0]: an instruction id is a whole number.' },
      },
    })
    expect((await call('instructions.list', '{"pageSize":', tokens.viewer)).status).toBe(400)
    expect((await call('jobs.history', { name: 'nightly', limit: 9999 }, tokens.viewer)).status).toBe(400)
    expect((await call('no-such-command', {}, tokens.viewer)).status).toBe(404)
    expect((await fetch(`${base}whoami`)).status).toBe(405)
  })

  it('defects and re-synchronizes several targets at once, reporting the refused ones without failing the rest', async () => {
    for (const name of ['API-1', 'API-2']) await enlist(state.ctx, name)
    const resync = await call('targets.resync', { names: ['API-1', 'API-2'] }, tokens.operator)
    expect(resync.body).toMatchObject({ names: ['API-1', 'API-2'], refused: [], notDone: [] })
    const defect = await call('targets.defect', { names: ['API-1', 'API-2', 'API-404'] }, tokens.administrator)
    expect(defect).toMatchObject({
      status: 200,
      body: {
        names: ['API-1', 'API-2'],
        refused: ['API-404: No target server is named "API-404".'],
        message: 'Posted DEFECT to 2 target servers. Refused for API-404: No target server is named "API-404".',
      },
    })
    const both = await call('targets.defect', { name: 'API-1', names: ['API-2'] }, tokens.administrator)
    expect(both.body.error.message).toContain('Name one target server (name) or several (names), not both.')
  })
})
