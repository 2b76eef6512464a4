// msx as a signed-in user: what each role may do through the master's API, signing in and out, API tokens, and
// `msx user` on the master itself. Real master and msx processes; targets are seeded rows (no agents needed).
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedFleet } from '../support/fleet'
import { freePort } from '../support/pg-cluster'
import { type Master, startMaster, stopAll, TEST_PASSWORD, type TestUser, tempDir } from '../support/processes'

let master: Master
let operator: TestUser
let viewer: TestUser

beforeAll(async () => {
  master = await startMaster()
  operator = await master.addUser('operator', 'olga')
  viewer = await master.addUser('viewer', 'vince')
  await seedFleet(master.db, 'ROLE', 4)
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

const as = (user: TestUser, ...args: string[]) => master.msxWith({ token: user.token }, ...args)

/** a fresh credentials folder, as for a user who never signed in on this machine */
const signedOut = () => ({ token: null, env: { MSX_CONFIG_DIR: tempDir('msx-cli-') } })

async function failures(actor: string, action: string) {
  return master.db.auditEvent.findMany({ where: { actor, action, result: 'failure' } })
}

describe('each role does what it may, and is refused the rest with the reason', () => {
  it('a viewer reads but may not act, and a refused attempt is in the activity log', async () => {
    const targets = await as(viewer, 'targets', '--json')
    expect(targets.code).toBe(0)
    expect(JSON.parse(targets.stdout)).toContainEqual(expect.objectContaining({ name: 'ROLE-1' }))
    expect((await as(viewer, 'job', 'list')).code).toBe(0)

    const poll = await as(viewer, 'force-poll', 'ROLE-1')
    expect(poll.code).toBe(1)
    expect(poll.stderr).toContain('Viewers may not force target servers to poll')
    expect(await failures('vince', 'target.force-poll')).toEqual([
      expect.objectContaining({ objectName: 'ROLE-1', details: expect.stringContaining('Viewers may not') }),
    ])

    const token = await as(viewer, 'token', 'create')
    expect(token.code).toBe(1)
    expect(token.stderr).toContain('Viewers may not create enlistment tokens')
  })

  it('an operator forces a poll (logged under their name) and posts, but may not defect', async () => {
    expect((await as(operator, 'force-poll', 'ROLE-1')).stdout).toContain('Asked ROLE-1 to poll now.')
    expect(
      await master.db.auditEvent.findFirst({
        where: { actor: 'olga', action: 'target.force-poll', result: 'success' },
      }),
    ).toMatchObject({ objectName: 'ROLE-1' })
    expect((await as(operator, 'post', 'SET-POLL', '--value', '30', '--target', 'ROLE-2')).code).toBe(0)

    const forced = await as(operator, 'defect', 'ROLE-2', '--force')
    expect(forced.code).toBe(1)
    expect(forced.stderr).toContain('Operators may not defect target servers: only administrators may.')
    const posted = await as(operator, 'post', 'DEFECT', '--target', 'ROLE-2')
    expect(posted.code).toBe(1)
    expect(posted.stderr).toContain('Operators may not defect target servers')
    expect(await master.db.targetServer.findFirst({ where: { name: 'ROLE-2' } })).toMatchObject({ state: 'ENLISTED' })

    const everyone = await as(operator, 'api-token', 'list', '--all')
    expect(everyone.code).toBe(1)
    expect(everyone.stderr).toContain('Operators may not manage users and their API tokens')
  })

  it('an administrator force-defects, and sees every user’s API tokens', async () => {
    expect((await as(master.admin, 'defect', 'ROLE-3', '--force')).stdout).toContain('Force-defected ROLE-3')
    const tokens = JSON.parse((await as(master.admin, 'api-token', 'list', '--all', '--json')).stdout)
    expect(tokens.map((t: { user: string }) => t.user)).toEqual(expect.arrayContaining(['admin', 'olga', 'vince']))
  })
})

describe('signing in', () => {
  it('refuses a wrong password', async () => {
    const result = await master.msxWith(
      { ...signedOut(), input: 'not the password\n' },
      'login',
      'olga',
      '--password-stdin',
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Wrong user name or password.')
  })

  it('stores the token readable by its owner only; whoami and logout use it', async () => {
    const session = signedOut()
    const login = await master.msxWith(
      { ...session, input: `${TEST_PASSWORD}\n` },
      'login',
      'olga',
      '--password-stdin',
      '--master',
      master.apiUrl,
      '--expires',
      '30d',
    )
    const file = path.join(session.env.MSX_CONFIG_DIR, 'credentials.json')
    expect(login.stdout).toContain(`Signed in to ${master.apiUrl} as olga (operator). Token stored in ${file}.`)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700)

    // the stored address is used without MSX_URL
    const whoami = await master.msxWith({ ...session, env: { ...session.env, MSX_URL: undefined } }, 'whoami')
    expect(whoami.stdout).toContain(`olga (operator) on ${master.apiUrl}`)
    // MSX_API_TOKEN wins over the stored token
    const overridden = await master.msxWith({ ...session, token: viewer.token }, 'whoami')
    expect(overridden.stdout).toContain('vince (viewer)')

    expect((await master.msxWith(session, 'logout')).stdout).toContain('the API token is revoked')
    const after = await master.msxWith(session, 'whoami')
    expect(after.code).toBe(1)
    expect(after.stderr).toContain('Sign in first: msx login NAME --password-stdin (or set MSX_API_TOKEN).')
  })

  it('refuses a call without a token, saying how to sign in', async () => {
    const result = await master.msxWith(signedOut(), 'targets')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Sign in first: msx login NAME --password-stdin (or set MSX_API_TOKEN).')
  })

  it('says which address it could not reach and how to change it', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`
    const result = await master.msxWith({ env: { MSX_URL: nowhere } }, 'targets')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`Cannot reach the master at ${nowhere}`)
    expect(result.stderr).toContain('MSX_URL')
  })
})

describe('API tokens', () => {
  it('a revoked token is refused at once', async () => {
    const created = JSON.parse((await as(viewer, 'api-token', 'create', '--label', 'ci', '--json')).stdout)
    expect((await master.msxWith({ token: created.token }, 'whoami')).stdout).toContain('vince (viewer)')
    expect((await as(viewer, 'api-token', 'revoke', String(created.id))).stdout).toContain(
      `Revoked API token ${created.id}.`,
    )
    const refused = await master.msxWith({ token: created.token }, 'whoami')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('This API token is not valid (revoked, expired or unknown)')
  })
})

describe('msx user, on the master itself', () => {
  it('creates a user who can then sign in', async () => {
    const created = await master.msxWith(
      { token: null, input: 'a long enough password\n' },
      'user',
      'create',
      'nadia',
      '--role',
      'operator',
      '--password-stdin',
    )
    expect(created.stdout).toContain('Created user nadia (operator).')
    const login = await master.msxWith(
      { ...signedOut(), input: 'a long enough password\n' },
      'login',
      'nadia',
      '--password-stdin',
    )
    expect(login.stdout).toContain('as nadia (operator)')
    const short = await master.msxWith(
      { token: null, input: 'short\n' },
      'user',
      'create',
      'tom',
      '--role',
      'viewer',
      '--password-stdin',
    )
    expect(short.code).toBe(2)
    expect(short.stderr).toContain('at least 12 characters')
  })
})

describe('the API refuses bad requests with a 4xx, never a 5xx', () => {
  const post = (command: string, body: string, token = master.admin.token) =>
    fetch(`${master.apiUrl}/api/v1/${command}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    })

  it('answers malformed JSON, a wrong field, an unknown command and a GET with what is wrong', async () => {
    const malformed = await post('targets.list', '{not json')
    expect(malformed.status).toBe(400)
    const field = await post('targets.force-poll', JSON.stringify({ names: [42] }))
    expect(field.status).toBe(400)
    expect((await field.json()).error.message).toContain('names[0]')
    expect((await post('no-such-command', '{}')).status).toBe(404)
    expect((await fetch(`${master.apiUrl}/api/v1/targets.list`)).status).toBe(405)
    expect((await post('targets.list', '{}', 'msx_forged')).status).toBe(401)
  })
})
