// The compatibility checks of step 4 of the Master Server Wizard, and the refusal to enlist a target that fails them.
import { describe, expect, it } from 'vitest'
import { testDatabase, uniqueName } from '../../test/support/fixtures'
import { CLOCK_SKEW_TOLERANCE_MS } from './clock-skew'
import { checkCompatibility } from './compatibility'
import { compatibilityOfRequests } from './compatibility-of-requests'
import { approveEnlistmentRequests, submitEnlistmentRequest } from './enlistment-requests'
import { MASTER_VERSION } from './versions'

const fine = {
  name: 'TSX1',
  agentVersion: '0.1.0',
  clockSkewMs: 300,
  runAsAccount: 'msx',
  encryptionMode: 'strict',
}
const check = (overrides: Partial<typeof fine> | { clockSkewMs?: number | null; runAsAccount?: string | null }) =>
  checkCompatibility({ ...fine, ...overrides }, '0.1.0')
const checkOf = (result: ReturnType<typeof checkCompatibility>, id: string) => result.checks.find((c) => c.id === id)

describe('checkCompatibility', () => {
  it('passes a current agent with a synchronized clock, a dedicated account and full validation', () => {
    const result = check({})
    expect(result).toEqual({ name: 'TSX1', checks: expect.any(Array), status: 'pass' })
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['version', 'pass'],
      ['clock', 'pass'],
      ['account', 'pass'],
      ['encryption', 'pass'],
    ])
  })

  it('fails an agent outside the accepted window, with the sentence of the version rule as the reason', () => {
    const newer = check({ agentVersion: '0.2.0' })
    const sentence =
      'TSX1 runs agent version 0.2.0, which is newer than the master: this master (version 0.1.0) accepts agents 0.0.0 to 0.1.0. Upgrade the master first.'
    expect(newer).toMatchObject({ status: 'fail', reason: sentence })
    expect(checkOf(newer, 'version')).toMatchObject({ status: 'fail', text: sentence })
    const older = checkCompatibility({ ...fine, agentVersion: '0.1.0' }, '0.4.0')
    expect(older.reason).toBe(
      'TSX1 runs agent version 0.1.0, which is too old: this master (version 0.4.0) accepts agents 0.2.0 to 0.4.0. Upgrade the agent.',
    )
    expect(check({ agentVersion: 'banana' }).reason).toContain('"banana", which is not a version number')
  })

  it('warns about a clock beyond the tolerance, ahead or behind, and one not reported', () => {
    expect(checkOf(check({ clockSkewMs: CLOCK_SKEW_TOLERANCE_MS }), 'clock')?.status).toBe('pass')
    const ahead = check({ clockSkewMs: 42_000 })
    expect(ahead).toMatchObject({ status: 'warn' })
    expect(ahead.reason).toBeUndefined()
    expect(checkOf(ahead, 'clock')?.text).toBe(
      "The clock of TSX1 is 42 s ahead of the master: synchronize it with NTP; jobs' schedules fire by the target's clock.",
    )
    expect(checkOf(check({ clockSkewMs: -200_000 }), 'clock')?.text).toContain('is 3 min 20 s behind the master')
    const unknown = checkOf(check({ clockSkewMs: null }), 'clock')
    expect(unknown?.status).toBe('warn')
    expect(unknown?.text).toContain('The clock of TSX1 was not reported (its agent is too old to send it')
  })

  it('warns about an account with every right on the machine, however it is written, and one not reported', () => {
    for (const account of ['root', 'Administrator', 'DOMAIN\\Administrator', 'NT AUTHORITY\\SYSTEM', 'system']) {
      const result = checkOf(check({ runAsAccount: account }), 'account')
      expect(result?.status).toBe('warn')
      expect(result?.text).toContain('run msx-agent as a dedicated account')
    }
    expect(checkOf(check({ runAsAccount: 'rooted' }), 'account')?.status).toBe('pass')
    expect(checkOf(check({ runAsAccount: null }), 'account')).toMatchObject({
      status: 'warn',
      text: expect.stringContaining('TSX1 did not report the account it runs jobs as'),
    })
  })

  it('warns about encryption short of full validation', () => {
    expect(checkOf(check({ encryptionMode: 'no-verify' }), 'encryption')?.text).toBe(
      "TSX1 encrypts without validating the master's certificate: enlist it with --ca-fingerprint for full validation.",
    )
    const off = checkOf(check({ encryptionMode: 'off' }), 'encryption')
    expect(off).toMatchObject({ status: 'warn', text: expect.stringContaining('loopback lab only') })
  })

  it('takes the worst check as the overall status', () => {
    expect(check({ encryptionMode: 'off', clockSkewMs: 42_000 }).status).toBe('warn')
    expect(check({ encryptionMode: 'off', agentVersion: '0.2.0' }).status).toBe('fail')
  })
})

describe('pending requests against this master', () => {
  const t = testDatabase()
  const submit = (name: string, agentVersion: string) =>
    submitEnlistmentRequest(t.ctx.db, {
      name,
      agentVersion,
      runAsAccount: 'root',
      clockSkewMs: 42_000,
      keyFingerprint: `key-${name}-0123456789`,
    })

  it('checks the named waiting requests, in their order, against the version the master runs', async () => {
    const [newer, current] = [uniqueName('NEW'), uniqueName('CUR')]
    await submit(newer, '9.0.0')
    await submit(current, MASTER_VERSION)
    const results = await compatibilityOfRequests(t.ctx.db, [current, newer.toLowerCase()])
    expect(results.map((r) => [r.name, r.status])).toEqual([
      [current, 'warn'],
      [newer, 'fail'],
    ])
    expect(results[1]?.reason).toContain(`${newer} runs agent version 9.0.0, which is newer than the master`)
    await expect(compatibilityOfRequests(t.ctx.db, ['NOSUCH1'])).rejects.toThrow(
      'No enlistment request is waiting for "NOSUCH1".',
    )
  })

  it('refuses to enlist a request that fails, with the reason the check gave, and enlists none of the others', async () => {
    const [newer, current] = [uniqueName('NEW'), uniqueName('CUR')]
    await submit(newer, '9.0.0')
    await submit(current, MASTER_VERSION)
    const [result] = await compatibilityOfRequests(t.ctx.db, [newer])
    await expect(approveEnlistmentRequests(t.ctx, [current, newer])).rejects.toThrow(result?.reason)
    const states = await t.ctx.db.enlistmentRequest.findMany({ where: { name: { in: [newer, current] } } })
    expect(states.map((r) => r.state)).toEqual(['PENDING', 'PENDING'])
    expect(await t.ctx.db.targetServer.count({ where: { name: { in: [newer, current] } } })).toBe(0)
  })
})
