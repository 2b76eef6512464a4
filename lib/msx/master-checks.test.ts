// The checks of the master: the verdicts on given facts, and the whole list against the real database and a real
// TLS listener made with the master's own certificate authority.
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../test/support/fixtures'
import { loadConfig } from '../config'
import { loadOrCreateAuthority } from '../pki/authority'
import { certificatesCheck, clockCheck, databaseCheck, gatewayCheck, type MasterCheck } from './master-checks'
import { collectMasterChecks } from './master-checks-collect'
import type { GatewayFacts } from './master-checks-gateway'
import { firewallRule } from './network'

const DAY = 86_400_000
const now = new Date('2026-12-02T12:00:00Z')
const valid = (days: number) => ({
  validFrom: new Date(now.getTime() - DAY),
  validTo: new Date(now.getTime() + days * DAY),
})
const pki = { dir: '/srv/msx/pki', gatewaySignedByCa: true }

describe('the verdicts', () => {
  it('warns about a certificate that expires within 30 days, and fails an expired or missing one', () => {
    const soon = certificatesCheck({ ...pki, ca: valid(3650), gateway: valid(10) }, now)
    expect(soon).toMatchObject({ status: 'warn', fix: expect.stringContaining('Restart the master') })
    expect(soon.summary).toContain('The gateway certificate expires on 2026-12-12, in 10 days.')
    const expired = certificatesCheck({ ...pki, ca: valid(-1), gateway: valid(400) }, now)
    expect(expired).toMatchObject({ status: 'fail', fix: expect.stringContaining('new CA fingerprint') })
    expect(expired.summary).toContain('The certificate authority expired on 2026-12-01.')
    expect(certificatesCheck({ ...pki, ca: null, gateway: null }, now)).toMatchObject({
      status: 'fail',
      summary: expect.stringContaining('There is no certificate authority in /srv/msx/pki.'),
    })
    expect(certificatesCheck({ ...pki, ca: valid(3650), gateway: valid(400) }, now)).toMatchObject({
      status: 'pass',
      summary:
        'The certificate authority is valid until 2036-11-29. The gateway certificate is valid until 2028-01-06.',
    })
  })

  it('warns when the database server and this server disagree on the time by more than 5 s', () => {
    const off = clockCheck({ provider: 'postgresql', skewMs: 7_200 })
    expect(off).toMatchObject({ status: 'warn', fix: "Synchronize both servers' clocks with NTP." })
    expect(off.summary).toContain("The database server's clock is 7.2 s ahead of this server's")
    expect(clockCheck({ provider: 'postgresql', skewMs: -900 }).status).toBe('pass')
    expect(clockCheck({ provider: 'sqlite' })).toMatchObject({
      status: 'pass',
      summary: 'The database is a file on this server: one clock.',
    })
  })

  it('fails a database with migrations pending, saying how to apply them', () => {
    const check = databaseCheck({
      provider: 'sqlite',
      location: '/srv/msx/msx.db',
      pending: ['20261202172957_wizard_progress'],
      unknown: [],
      applied: 7,
    })
    expect(check).toMatchObject({
      status: 'fail',
      summary:
        'SQLite at /srv/msx/msx.db is reachable, but 1 migration of this version is not applied: 20261202172957_wizard_progress.',
      fix: 'Restart the master, which applies migrations at start, or run npm run db:migrate -- deploy.',
    })
  })

  it('warns when the gateway listens on loopback only, or when no name of its certificate leads here', () => {
    const facts: GatewayFacts = {
      listenHost: '0.0.0.0',
      probeHost: '127.0.0.1',
      port: 3443,
      probe: { kind: 'listening', verified: true },
      names: [
        { name: 'localhost', addresses: ['127.0.0.1'] },
        { name: 'msx01', addresses: ['127.0.1.1'] },
        { name: 'msx.example.com', addresses: [] },
      ],
      pkiDir: '/srv/msx/pki',
    }
    expect(gatewayCheck(facts)).toMatchObject({
      status: 'warn',
      summary: expect.stringContaining('msx.example.com (does not resolve)'),
      fix: 'Set MSX_GATEWAY_NAMES to a name targets can resolve (such as msx01.example.com), and restart the master.',
    })
    expect(gatewayCheck({ ...facts, listenHost: '127.0.0.1' })).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining('Set MSX_GATEWAY_HOST to 0.0.0.0'),
    })
    const named = { ...facts, names: [...facts.names, { name: 'msx.example.com', addresses: ['10.0.0.5'] }] }
    expect(gatewayCheck(named)).toMatchObject({
      status: 'pass',
      summary: expect.stringContaining('Targets must reach msx.example.com:3443.'),
    })
  })

  it('gives the firewall team one rule', () => {
    expect(firewallRule('MSX1', 3443, 3000)).toBe(
      'Allow TCP 3443 from the target servers to MSX1. The master never connects to targets. Port 3000 is for browsers only.',
    )
  })
})

const t = testDatabase()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-checks-'))
let gateway: tls.Server
let gatewayPort = 0

beforeAll(async () => {
  const authority = await loadOrCreateAuthority(dataDir, 'MSX1', ['192.0.2.10'])
  gateway = tls.createServer({
    key: authority.gatewayKeyPem,
    cert: `${authority.gatewayCertPem.trim()}\n${authority.caPem.trim()}\n`,
  })
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
  gatewayPort = (gateway.address() as net.AddressInfo).port
})

afterAll(async () => {
  await new Promise((resolve) => gateway.close(resolve))
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const cfgFor = (env: Record<string, string>) =>
  loadConfig({ NODE_ENV: 'test', DATABASE_URL: t.testDb.url, MSX_DATA_DIR: dataDir, MSX_MASTER_NAME: 'OTHER', ...env })
const byId = (checks: MasterCheck[]) => Object.fromEntries(checks.map((check) => [check.id, check]))

async function closedPort() {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('the checks of a running master', () => {
  it('pass against the real database and a gateway that answers with the master certificate', async () => {
    const cfg = cfgFor({ MSX_GATEWAY_HOST: '0.0.0.0', MSX_GATEWAY_PORT: String(gatewayPort) })
    const checks = await collectMasterChecks(t.testDb.db, cfg)
    expect(checks.map((check) => check.id)).toEqual([
      'database',
      'gateway',
      'certificates',
      'versions',
      'clock',
      'network',
    ])
    const check = byId(checks)
    expect(check.database).toMatchObject({
      status: 'pass',
      summary: expect.stringMatching(t.testDb.provider === 'sqlite' ? /^SQLite at \// : /^PostgreSQL at 127\.0\.0\.1:/),
    })
    expect(check.gateway).toMatchObject({
      status: 'pass',
      summary: expect.stringContaining(`Targets must reach 192.0.2.10:${gatewayPort}.`),
    })
    expect(check.certificates?.status).toBe('pass')
    expect(check.versions?.summary).toContain('It accepts agents 0.0.0 to 0.1.0')
    expect(check.clock?.status).toBe('pass')
    // the master's own row names it, not the configuration
    expect(check.network?.summary).toBe(firewallRule('MSX1', gatewayPort, cfg.port))
    expect(checks.every((c) => c.fix === undefined)).toBe(true)
  })

  it('fail the gateway when nothing listens on its port, saying how to start it', async () => {
    const port = await closedPort()
    const check = byId(await collectMasterChecks(t.testDb.db, cfgFor({ MSX_GATEWAY_PORT: String(port) }))).gateway
    expect(check).toMatchObject({
      status: 'fail',
      summary: expect.stringContaining(`Nothing listens on 127.0.0.1:${port}`),
      fix: expect.stringContaining('Start the master with the gateway role (MSX_ROLES includes gateway)'),
    })
  })

  it('fail the gateway when its port answers with a certificate another authority signed', async () => {
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-checks-other-'))
    const other = await loadOrCreateAuthority(otherDir, 'ELSEWHERE')
    const impostor = tls.createServer({ key: other.gatewayKeyPem, cert: other.gatewayCertPem })
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve))
    const { port } = impostor.address() as net.AddressInfo
    try {
      const check = byId(await collectMasterChecks(t.testDb.db, cfgFor({ MSX_GATEWAY_PORT: String(port) }))).gateway
      expect(check).toMatchObject({
        status: 'fail',
        summary: expect.stringContaining('another program holds the port'),
        fix: `Free port ${port} for the gateway, or set MSX_GATEWAY_PORT to a free port, and restart the master.`,
      })
    } finally {
      await new Promise((resolve) => impostor.close(resolve))
      fs.rmSync(otherDir, { recursive: true, force: true })
    }
  })

  it('fail the database when a migration of this version is not applied', async () => {
    const db = t.testDb.db
    const [last] = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1',
    )
    const name = last?.migration_name ?? ''
    const mark = (value: string) =>
      db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = ${value} WHERE migration_name = '${name}'`)
    await mark('finished_at')
    try {
      const check = byId(await collectMasterChecks(db, cfgFor({ MSX_GATEWAY_PORT: String(gatewayPort) }))).database
      expect(check).toMatchObject({
        status: 'fail',
        summary: expect.stringContaining(`1 migration of this version is not applied: ${name}.`),
        fix: expect.stringContaining('npm run db:migrate -- deploy'),
      })
    } finally {
      await mark('NULL')
    }
  })
})
