// msx signed in to two masters at once: a token per master address in one credentials file, each command using
// the token of the master it talks to. Two real masters and msx processes.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Master, startMaster, stopAll, TEST_PASSWORD, type TestUser, tempDir } from '../support/processes'

let a: Master
let b: Master
let olgaOnA: TestUser

beforeAll(async () => {
  // one after the other: each makes its certificate authority at first start, which is slow on a busy machine
  a = await startMaster()
  b = await startMaster()
  olgaOnA = await a.addUser('operator', 'olga')
  await b.addUser('administrator', 'olga')
})
afterAll(async () => {
  await Promise.all([a?.db.$disconnect(), b?.db.$disconnect()])
  await stopAll()
})

/** msx as a DBA runs it: no MSX_API_TOKEN, one credentials folder, MSX_URL naming the master (or not set) */
const dba = (configDir: string) => ({
  on: (master: Master | null, ...args: string[]) =>
    (master ?? a).msxWith({ token: null, env: { MSX_CONFIG_DIR: configDir, MSX_URL: master?.apiUrl } }, ...args),
  login: (master: Master, address = master.apiUrl) =>
    master.msxWith(
      { token: null, input: `${TEST_PASSWORD}\n`, env: { MSX_CONFIG_DIR: configDir, MSX_URL: undefined } },
      'login',
      'olga',
      '--password-stdin',
      '--master',
      address,
    ),
})

const elsewhere = (signedIn: Master, wanted: Master) =>
  `You are signed in to ${signedIn.apiUrl}, not ${wanted.apiUrl}. Sign in there with: msx login NAME --password-stdin --master ${wanted.apiUrl}`

describe('signed in to two masters', () => {
  it('says where it is signed in when pointed at another master, keeps both sign-ins, and signs out of one', async () => {
    const configDir = tempDir('msx-cli-')
    const msx = dba(configDir)
    expect((await msx.login(a)).code).toBe(0)

    const pointedAtB = await msx.on(b, 'whoami')
    expect(pointedAtB.code).toBe(1)
    expect(pointedAtB.stderr).toContain(elsewhere(a, b))

    // the same master with a trailing slash is the same entry
    expect((await msx.login(b, `${b.apiUrl}/`)).stdout).toContain(`Signed in to ${b.apiUrl} as olga (administrator)`)
    expect((await msx.on(a, 'whoami')).stdout).toContain(`olga (operator) on ${a.apiUrl}`)
    const onB = await msx.on(b, 'whoami')
    expect(onB.stdout).toContain(`olga (administrator) on ${b.apiUrl}`)
    expect(onB.stdout).toContain(`also signed in to ${a.apiUrl} as olga (operator)`)
    // without MSX_URL, the master signed in to last
    expect((await msx.on(null, 'whoami')).stdout).toContain(`on ${b.apiUrl}`)
    const file = path.join(configDir, 'credentials.json')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)

    const logout = await msx.on(b, 'logout')
    expect(logout.stdout).toContain(
      `Signed out of ${b.apiUrl}: the API token is revoked. Still signed in to ${a.apiUrl}.`,
    )
    expect((await msx.on(a, 'targets')).code).toBe(0)
    expect((await msx.on(a, 'whoami')).stdout).toContain(`olga (operator) on ${a.apiUrl}`)
    expect((await msx.on(b, 'targets')).stderr).toContain(elsewhere(a, b))
  }, 180_000)

  it('signs out of every master with --all', async () => {
    const msx = dba(tempDir('msx-cli-'))
    await msx.login(a)
    await msx.login(b)
    const logout = await msx.on(null, 'logout', '--all')
    expect(logout.stdout).toContain(`Signed out of ${a.apiUrl}`)
    expect(logout.stdout).toContain(`Signed out of ${b.apiUrl}`)
    const after = await msx.on(a, 'whoami')
    expect(after.stderr).toContain('Sign in first: msx login NAME --password-stdin')
  })
})

describe('the credentials file', () => {
  it('from before, with one master and its token, still signs in to that master only', async () => {
    const configDir = tempDir('msx-cli-')
    fs.writeFileSync(
      path.join(configDir, 'credentials.json'),
      JSON.stringify({ master: `${a.apiUrl}/`, token: olgaOnA.token, name: 'olga', role: 'operator' }),
    )
    const msx = dba(configDir)
    expect((await msx.on(null, 'whoami')).stdout).toContain(`olga (operator) on ${a.apiUrl}`)
    expect((await msx.on(b, 'whoami')).stderr).toContain(elsewhere(a, b))
  })

  it('when garbled, is named with what is wrong and what to do', async () => {
    const configDir = tempDir('msx-cli-')
    const file = path.join(configDir, 'credentials.json')
    fs.writeFileSync(file, JSON.stringify({ version: 2, masters: { [a.apiUrl]: { token: 42 } } }))
    const result = await dba(configDir).on(a, 'whoami')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${file} is not a valid msx credentials file`)
    expect(result.stderr).toContain('token')
    expect(result.stderr).toContain('delete it, then sign in again with msx login NAME --password-stdin --master URL')
  })
})
