// A real agent outside the accepted version window, with a skewed clock, asking a real master to enlist without a
// token: its request waits with what it reported, and enlisting it is refused with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compatibilityOfRequests } from '../../lib/msx/compatibility-of-requests'
import { agentProcess, type Master, startMaster, stopAll, tempDir } from '../support/processes'

let master: Master

beforeAll(async () => {
  master = await startMaster()
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

interface ListedRequest {
  name: string
  agentVersion: string
  encryptionMode: string
  clockSkewMs: number | null
}

/** Starts `msx-agent enlist` without a token and waits until the master has its request. */
async function askToEnlist(name: string, env: Record<string, string> = {}) {
  const dataDir = tempDir(`msx-agent-${name}-`)
  const waiting = agentProcess(
    dataDir,
    ['enlist', '--master', master.url, '--name', name, '--ca-fingerprint', master.caFingerprint],
    env,
  )
  await waiting.waitFor(/awaits approval on the master/)
  const listed = JSON.parse((await master.msxOk('enlist-requests', '--json')).stdout) as ListedRequest[]
  const request = listed.find((r) => r.name === name)
  if (!request) throw new Error(`no request from ${name} among ${JSON.stringify(listed)}`)
  return { waiting, request }
}

describe('a target outside the accepted version window, asking without a token', () => {
  it('waits as a request with its clock skew and encryption mode, and enlisting it is refused with the reason', async () => {
    const { waiting, request } = await askToEnlist('NEW1', {
      MSX_AGENT_REPORTED_VERSION: '0.2.0',
      MSX_AGENT_CLOCK_SKEW_MS: '42000',
    })
    expect(request).toMatchObject({ agentVersion: '0.2.0', encryptionMode: 'strict' })
    expect(Math.abs((request.clockSkewMs ?? 0) - 42_000)).toBeLessThan(2_000)

    const reason =
      'NEW1 runs agent version 0.2.0, which is newer than the master: this master (version 0.1.0) accepts agents 0.0.0 to 0.1.0. Upgrade the master first.'
    const [compatibility] = await compatibilityOfRequests(master.db, ['NEW1'])
    expect(compatibility).toMatchObject({ status: 'fail', reason })
    expect(compatibility?.checks.find((c) => c.id === 'clock')).toMatchObject({
      status: 'warn',
      text: expect.stringMatching(/^The clock of NEW1 is 4\d s ahead of the master/),
    })

    const approve = await master.msx('approve', 'NEW1')
    expect(approve.code).toBe(1)
    expect(approve.stderr).toContain(reason)
    expect(await master.db.targetServer.findFirst({ where: { name: 'NEW1' } })).toBeNull()
    // still waiting, on both sides
    expect(await master.db.enlistmentRequest.findFirst({ where: { name: 'NEW1' } })).toMatchObject({
      state: 'PENDING',
    })
    expect(waiting.child.exitCode).toBeNull()
  })

  it('a current agent with a synchronized clock reports a skew near zero and passes the version check', async () => {
    const { request } = await askToEnlist('NOW1')
    expect(request).toMatchObject({ agentVersion: '0.1.0', encryptionMode: 'strict' })
    expect(Math.abs(request.clockSkewMs ?? Number.POSITIVE_INFINITY)).toBeLessThan(2_000)
    const [compatibility] = await compatibilityOfRequests(master.db, ['NOW1'])
    expect(compatibility?.reason).toBeUndefined()
    expect(compatibility?.checks.find((c) => c.id === 'version')?.status).toBe('pass')
    expect(compatibility?.checks.find((c) => c.id === 'clock')?.status).toBe('pass')
  })
})
