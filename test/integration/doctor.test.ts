// msx-agent doctor against a real master over TLS: every check passing, each failure with its fix, exit
// codes, and nothing changed on the master or in the agent's store.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agent, enlistAgent, type Master, startMaster, stopAll, targetRow, tempDir } from '../support/processes'

let master: Master

beforeAll(async () => {
  master = await startMaster()
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

/** What the master has written: its audit, enlistment requests, poll samples and the targets' last polls. */
async function masterWrites() {
  const [audit, requests, samples, targets] = await Promise.all([
    master.db.auditEvent.count(),
    master.db.enlistmentRequest.count(),
    master.db.targetPollSample.count(),
    master.db.targetServer.findMany({ select: { name: true, lastPollAt: true, updatedAt: true } }),
  ])
  return { audit, requests, samples, targets }
}

/** The agent's store and identity files, by content (SQLite's shared-memory index and an empty log aside). */
function storeFiles(dataDir: string) {
  return Object.fromEntries(
    fs
      .readdirSync(dataDir)
      .filter((f) => !f.endsWith('-shm') && fs.statSync(path.join(dataDir, f)).size > 0)
      .map((f) => [
        f,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dataDir, f)))
          .digest('hex'),
      ]),
  )
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const WRONG = `sha256:${'ab'.repeat(32)}`

describe('msx-agent doctor', () => {
  it('passes every check against a running master before enlisting, and writes nothing there', async () => {
    const before = await masterWrites()
    const dataDir = tempDir('msx-doctor-')
    const result = await agent(dataDir, [
      'doctor',
      '--master',
      master.url,
      '--ca-fingerprint',
      master.caFingerprint,
      '--name',
      'DOC0',
    ])
    expect(result.code, result.stdout + result.stderr).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'pass Name',
      'pass TCP',
      'pass TLS',
      'pass CA',
      'pass Version',
      'pass Clock',
      'pass Ready',
    ])
    expect(result.stdout).toContain('127.0.0.1 is an address')
    expect(result.stdout).toContain(`the master's CA matches ${master.caFingerprint}`)
    expect(result.stdout).toContain('master MSX1 (version 0.1.0) accepts this agent')
    expect(result.stdout).toContain('DOC0 can enlist into MSX1')
    expect(fs.readdirSync(dataDir)).toEqual([])
    expect(await masterWrites()).toEqual(before)
  })

  it('resolves a name and connects to the address that answers', async () => {
    const url = master.url.replace('127.0.0.1', 'localhost')
    const result = await agent(tempDir('msx-doctor-'), [
      'doctor',
      '--master',
      url,
      '--ca-fingerprint',
      master.caFingerprint,
    ])
    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^pass\s+Name\s+localhost resolves to .*127\.0\.0\.1/m)
    expect(result.stdout).toMatch(/^pass\s+TCP\s+connected to 127\.0\.0\.1:/m)
  })

  it('passes for an enlisted agent without options, saying what it has pending, and changes nothing', async () => {
    const dataDir = await enlistAgent(master, 'DOC1')
    const files = storeFiles(dataDir)
    const before = await masterWrites()
    const result = await agent(dataDir, ['doctor', '--json'])
    expect(result.code, result.stdout + result.stderr).toBe(0)
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: { status: string; check: string }[] }
    expect(report.ok).toBe(true)
    expect(report.checks.map((c) => `${c.status} ${c.check}`)).toEqual([
      'pass Name',
      'pass TCP',
      'pass TLS',
      'pass CA',
      'pass Version',
      'pass Clock',
      'pass Certificate',
      'pass Downloads',
    ])
    const text = await agent(dataDir, ['doctor'])
    expect(text.stdout).toContain('the master accepts the certificate of DOC1')
    expect(text.stdout).toMatch(/^pass\s+Downloads\s+nothing pending/m)
    expect(storeFiles(dataDir)).toEqual(files)
    expect(await masterWrites()).toEqual(before)
    expect((await targetRow(master, 'DOC1'))?.lastPolled).toBeNull()
  })

  it('fails at TCP against a closed port, saying nothing listens there, and skips the rest', async () => {
    const port = await closedPort()
    const result = await agent(tempDir('msx-doctor-'), [
      'doctor',
      '--master',
      `https://127.0.0.1:${port}`,
      '--ca-fingerprint',
      master.caFingerprint,
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^fail\s+TCP\s+nothing listens on 127\.0\.0\.1:\d+: is the master running/m)
    expect(result.stdout).toContain("is this the gateway's port (3443 by default)?")
    expect(result.stdout).toMatch(/^skip\s+TLS\s+no TCP connection/m)
    expect(result.stdout).toMatch(/^skip\s+Clock/m)
    // enlist, failing the same way, points to doctor with the same master and trust
    const enlist = await agent(tempDir('msx-doctor-'), [
      'enlist',
      '--master',
      `https://127.0.0.1:${port}`,
      '--ca-fingerprint',
      master.caFingerprint,
    ])
    expect(enlist.code).toBe(1)
    expect(enlist.stderr).toContain(
      `Run \`msx-agent doctor --master https://127.0.0.1:${port} --ca-fingerprint ${master.caFingerprint}\``,
    )
  })

  it('fails at the CA with a wrong fingerprint, showing both and where to copy the command again', async () => {
    const result = await agent(tempDir('msx-doctor-'), ['doctor', '--master', master.url, '--ca-fingerprint', WRONG])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^pass\s+TLS/m)
    expect(result.stdout).toMatch(/^fail\s+CA\s+/m)
    expect(result.stdout).toContain(`the master's CA is ${master.caFingerprint}, not the expected ${WRONG}`)
    expect(result.stdout).toContain("copy the command again from the master's wizard or Settings")
    expect(result.stdout).toMatch(/^skip\s+Version/m)
  })

  it('fails at the certificate after Force Defection, saying when it was revoked and what to do', async () => {
    const dataDir = await enlistAgent(master, 'DOC2')
    await master.msxOk('defect', 'DOC2', '--force')
    const files = storeFiles(dataDir)
    const before = await masterWrites()
    const result = await agent(dataDir, ['doctor'])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^pass\s+Clock/m)
    expect(result.stdout).toMatch(/^fail\s+Certificate\s+revoked at \d{4}-\d\d-\d\dT/m)
    expect(result.stdout).toContain('Run `msx-agent defect --force` on the target, then enlist it again.')
    expect(result.stdout).toMatch(/^skip\s+Downloads/m)
    expect(storeFiles(dataDir)).toEqual(files)
    expect(await masterWrites()).toEqual(before)
  })

  it('fails the clock and version checks with their fixes', async () => {
    const result = await agent(
      tempDir('msx-doctor-'),
      ['doctor', '--master', master.url, '--ca-fingerprint', master.caFingerprint],
      { MSX_AGENT_CLOCK_SKEW_MS: '120000', MSX_AGENT_REPORTED_VERSION: '0.2.0' },
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^fail\s+Version\s+Agent version 0\.2\.0 is newer than the master/m)
    expect(result.stdout).toContain('Upgrade the master first.')
    expect(result.stdout).toMatch(/^fail\s+Clock\s+this server's clock is \+1\d\d\.\d s off/m)
    expect(result.stdout).toContain(
      "synchronize this server's clock with NTP, or post Synchronize clocks (SYNC-TIME) from the master",
    )
  })

  it('says how to use it when the agent is not enlisted and no master is given (exit 2)', async () => {
    const result = await agent(tempDir('msx-doctor-'), ['doctor'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('give --master https://HOST:3443 and --ca-fingerprint')
  })
})
