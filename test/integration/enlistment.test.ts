// Enlisting real agents into a real master over TLS: with a token, by approval, and the refusals.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MasterRefused } from '../../agent/errors'
import { loadIdentity } from '../../agent/identity'
import { MasterClient } from '../../agent/master-client'
import { listTargets } from '../../lib/msx/target-list'
import { pollResponse } from '../../lib/protocol/agent-v1'
import {
  agent,
  agentProcess,
  agentStatus,
  enlistAgent,
  type Master,
  startMaster,
  stopAll,
  tempDir,
} from '../support/processes'

let master: Master

beforeAll(async () => {
  master = await startMaster()
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

async function targets() {
  return (await listTargets(master.db, { pageSize: 500 })).rows
}

describe('enlisting a target', () => {
  it('enlists at once with a token, validating the master by its CA fingerprint', async () => {
    const dataDir = await enlistAgent(master, 'TOKEN1', {}, ['--location', 'Rack 7'])
    const status = await agent(dataDir, ['status', '--json'])
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'enlisted', name: 'TOKEN1', master: { name: 'MSX1' } })
    const listed = JSON.parse((await master.msx('targets', '--json')).stdout)
    expect(listed).toContainEqual(
      expect.objectContaining({ name: 'TOKEN1', location: 'Rack 7', status: 'Pending enlistment', lastPolled: null }),
    )
  })

  it('without a token waits for approval, and is enlisted once an administrator approves it', async () => {
    const dataDir = tempDir('msx-agent-')
    const waiting = agentProcess(dataDir, [
      'enlist',
      '--master',
      master.url,
      '--name',
      'ASK1',
      '--ca-fingerprint',
      master.caFingerprint,
    ])
    await waiting.waitFor(/awaits approval on the master/)
    // the agent says its key's fingerprint, to be checked against the request the master shows
    const [, keyFingerprint] = await waiting.waitFor(/Its key fingerprint is (sha256:[0-9a-f]{64}):/)
    const requests = JSON.parse((await master.msx('enlist-requests', '--json')).stdout) as {
      name: string
      keyFingerprint: string
    }[]
    expect(requests).toContainEqual(expect.objectContaining({ name: 'ASK1', keyFingerprint }))
    expect((await master.msx('approve', 'ASK1')).code).toBe(0)
    const done = await waiting.exited
    expect(done.code).toBe(0)
    expect(done.stdout).toContain('Enlisted ASK1 into master MSX1')
    // how to start it, with the folder it was enlisted in
    expect(done.stdout).toContain(`Start it with: msx-agent run --data-dir ${dataDir}`)
    expect(await agentStatus(dataDir)).toMatchObject({ state: 'enlisted' })
    // enlisted, but until its agent polls it is not known to work
    expect(await targets()).toContainEqual(expect.objectContaining({ name: 'ASK1', status: 'Pending enlistment' }))
  })

  it('is told when the request is rejected, with the reason', async () => {
    const dataDir = tempDir('msx-agent-')
    const waiting = agentProcess(dataDir, [
      'enlist',
      '--master',
      master.url,
      '--name',
      'ASK2',
      '--ca-fingerprint',
      master.caFingerprint,
    ])
    await waiting.waitFor(/awaits approval/)
    expect((await master.msx('reject', 'ASK2', '--reason', 'not one of ours')).code).toBe(0)
    const done = await waiting.exited
    expect(done.code).toBe(1)
    expect(done.stderr).toContain('The master rejected the request to enlist ASK2: not one of ours')
    expect(await agentStatus(dataDir)).toMatchObject({ state: 'not enlisted' })
  })
})

describe('enlistment tokens from the msx CLI', () => {
  it('lists the tokens that still enlist; a revoked one leaves the list and refuses the next agent', async () => {
    const created = JSON.parse((await master.msxOk('token', 'create', '--label', 'rack 9', '--json')).stdout)
    const listed = await master.msxOk('token', 'list')
    expect(listed.stdout).toMatch(new RegExp(`^${created.id}\\s+rack 9\\s+usable\\s+unlimited`, 'm'))
    expect(listed.stdout).not.toContain(created.token)

    expect((await master.msxOk('token', 'revoke', String(created.id))).stdout).toContain(
      `Revoked enlistment token ${created.id}.`,
    )
    const tokens = (all: string[]) => master.msxOk('token', 'list', '--json', ...all).then((r) => JSON.parse(r.stdout))
    expect(await tokens([])).not.toContainEqual(expect.objectContaining({ id: created.id }))
    expect(await tokens(['--all'])).toContainEqual(expect.objectContaining({ id: created.id, state: 'revoked' }))

    const refused = await agent(tempDir('msx-agent-'), [
      'enlist',
      '--master',
      master.url,
      '--name',
      'LATE1',
      '--token',
      created.token,
      '--ca-fingerprint',
      master.caFingerprint,
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('The enlistment token was revoked')
  })

  it('a viewer may not list or revoke tokens; an unknown id is refused by name', async () => {
    const viewer = await master.addUser('viewer')
    const listed = await master.msxWith({ token: viewer.token }, 'token', 'list')
    expect(listed.code).toBe(1)
    expect(listed.stderr).toContain('Viewers may not')
    const unknown = await master.msx('token', 'revoke', '999999')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('There is no enlistment token 999999.')
    expect((await master.msx('token', 'revoke', 'seven')).code).toBe(2)
  })
})

describe('refusals', () => {
  it('refuses to enlist an agent already enlisted (one master per target)', async () => {
    const dataDir = await enlistAgent(master, 'ONCE1')
    const again = await agent(dataDir, [
      'enlist',
      '--master',
      master.url,
      '--name',
      'ONCE1',
      '--ca-fingerprint',
      master.caFingerprint,
    ])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('ONCE1 is already enlisted into master MSX1: run msx-agent defect first.')
  })

  it('refuses a second target with a name already enlisted, whatever its case', async () => {
    await enlistAgent(master, 'DUP1')
    const error = await enlistAgent(master, 'dup1').catch((e: Error) => e.message)
    expect(error).toContain('DUP1 is already enlisted into master MSX1: defect it first.')
  })

  it('refuses at once an agent newer than the master that has a token, saying which versions are accepted', async () => {
    const error = await enlistAgent(master, 'NEW1', { MSX_AGENT_REPORTED_VERSION: '0.2.0' }).catch(
      (e: Error) => e.message,
    )
    expect(error).toContain(
      'NEW1 runs agent version 0.2.0, which is newer than the master: this master (version 0.1.0) accepts agents 0.0.0 to 0.1.0.',
    )
  })

  it('refuses a master whose CA does not match the fingerprint given (--encrypt strict)', async () => {
    const wrong = `sha256:${'0'.repeat(64)}`
    const result = await agent(tempDir('msx-agent-'), [
      'enlist',
      '--master',
      master.url,
      '--name',
      'PIN1',
      '--token',
      'x',
      '--ca-fingerprint',
      wrong,
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`The master's CA fingerprint is ${master.caFingerprint}, not the expected ${wrong}`)
    expect(await targets()).not.toContainEqual(expect.objectContaining({ name: 'PIN1' }))
  })
})

describe('a master that is several versions ahead', () => {
  it('refuses an agent more than two minor versions older', async () => {
    const newer = await startMaster({ MSX_REPORTED_VERSION: '0.4.0' })
    try {
      const error = await enlistAgent(newer, 'OLD1').catch((e: Error) => e.message)
      expect(error).toContain(
        'OLD1 runs agent version 0.1.0, which is too old: this master (version 0.4.0) accepts agents 0.2.0 to 0.4.0. Upgrade the agent.',
      )
    } finally {
      await newer.db.$disconnect()
      await newer.stop()
    }
  })
})

describe('who may poll', () => {
  async function pollAs(identity: { keyPem: string; certPem: string } | null) {
    const client = new MasterClient({
      masterUrl: master.url,
      encrypt: 'strict',
      caPem: fs.readFileSync(path.join(master.dataDir, 'pki', 'ca.crt'), 'utf8'),
      ...identity,
    })
    try {
      const poll = { agentVersion: '0.1.0', localTime: new Date().toISOString(), pollIntervalSeconds: 60 }
      return await client.post('/poll', poll, pollResponse).catch((error: unknown) => error)
    } finally {
      client.close()
    }
  }

  it('refuses a request without a client certificate, and one whose certificate another master issued', async () => {
    expect(await pollAs(null)).toMatchObject({ status: 401, code: 'certificate_missing' })

    const other = await startMaster({ MSX_MASTER_NAME: 'MSX2' })
    try {
      const stranger = loadIdentity(await enlistAgent(other, 'STRANGER1'))
      expect(stranger).not.toBeNull()
      const refused = await pollAs(stranger)
      expect(refused).toBeInstanceOf(MasterRefused)
      expect(refused).toMatchObject({
        code: 'certificate_unknown',
        message: 'The client certificate was not issued by this master: enlist with this master first.',
      })
    } finally {
      await other.db.$disconnect()
      await other.stop()
    }
  })
})
