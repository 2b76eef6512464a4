// Gathers the facts of the checks of the master (database, gateway, certificates, versions, clock, network) and
// turns them into verdicts with master-checks.ts; changes nothing.
import 'server-only'
import { X509Certificate } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config'
import type { Db } from '../db/client'
import { migrationNames } from '../db/migration-folders'
import { type DatabaseTarget, databaseLocation, parseDatabaseUrl } from '../db/url'
import { readMaster } from './master'
import {
  type ClockFacts,
  certificatesCheck,
  clockCheck,
  type DatabaseFacts,
  databaseCheck,
  gatewayCheck,
  type MasterCheck,
  networkCheck,
  versionsCheck,
} from './master-checks'
import type { CertificateFacts } from './master-checks-certificates'
import { probeGateway, resolveNames, subjectAltNames } from './master-checks-probe'
import { MASTER_VERSION } from './versions'

/** Each network step of a check gives up after this long, so the page never waits on a dead host. */
const TIMEOUT_MS = 2_000
/** A database that does not answer in this long is reported unreachable. */
const DATABASE_TIMEOUT_MS = 5_000

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms)
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).trim().split('\n')[0] ?? 'unknown error'

async function databaseFacts(db: Db, target: DatabaseTarget): Promise<DatabaseFacts> {
  const base = { provider: target.provider, location: databaseLocation(target), pending: [], unknown: [], applied: 0 }
  try {
    await within(db.$queryRawUnsafe('SELECT 1'), DATABASE_TIMEOUT_MS, 'the database')
  } catch (error) {
    return { ...base, error: firstLine(error) }
  }
  const rows = await db
    .$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    // no migrations table: nothing was ever applied
    .catch(() => [])
  const applied = new Set(rows.map((row) => row.migration_name))
  const folders = migrationNames(target.provider)
  return {
    ...base,
    pending: folders.filter((name) => !applied.has(name)),
    unknown: [...applied].filter((name) => !folders.includes(name)).sort(),
    applied: applied.size,
  }
}

async function clockFacts(db: Db, target: DatabaseTarget): Promise<ClockFacts> {
  if (target.provider === 'sqlite') return { provider: 'sqlite' }
  try {
    const before = Date.now()
    const [row] = await within(db.$queryRawUnsafe<{ now: Date }[]>('SELECT now() AS now'), TIMEOUT_MS, 'the database')
    const after = Date.now()
    // the database read its clock somewhere within the round trip: compare with its middle
    return { provider: 'postgresql', skewMs: new Date(row?.now ?? Number.NaN).getTime() - (before + after) / 2 }
  } catch (error) {
    return { provider: 'postgresql', error: firstLine(error) }
  }
}

function readPem(file: string) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
}

function certificateFacts(pem: string | null): { cert: X509Certificate; facts: CertificateFacts } | null {
  if (!pem) return null
  try {
    const cert = new X509Certificate(pem)
    return { cert, facts: { validFrom: new Date(cert.validFrom), validTo: new Date(cert.validTo) } }
  } catch {
    return null
  }
}

async function gatewayFacts(cfg: Config, pkiDir: string, caPem: string | null, gatewayPem: string | null) {
  const wildcard = cfg.gatewayHost === '0.0.0.0' || cfg.gatewayHost === '::'
  const probeHost = wildcard ? (cfg.gatewayHost === '::' ? '::1' : '127.0.0.1') : cfg.gatewayHost
  const { probe, subjectAltName } = await probeGateway(probeHost, cfg.gatewayPort, caPem, TIMEOUT_MS)
  // what the running gateway presents is what targets see; without it, the certificate it would start with
  const san = subjectAltName ?? certificateFacts(gatewayPem)?.cert.subjectAltName
  const names = await resolveNames(subjectAltNames(san), TIMEOUT_MS)
  return { listenHost: cfg.gatewayHost, probeHost, port: cfg.gatewayPort, probe, names, pkiDir }
}

async function masterName(db: Db, cfg: Config) {
  const master = await within(readMaster(db), DATABASE_TIMEOUT_MS, 'the database').catch(() => null)
  return master?.name ?? cfg.masterName
}

/** Runs the checks of the master, in the wizard's order: database, gateway, certificates, versions, clock, network. */
export async function collectMasterChecks(db: Db, cfg: Config): Promise<MasterCheck[]> {
  const target = parseDatabaseUrl(cfg.databaseUrl)
  const pkiDir = path.join(cfg.dataDir, 'pki')
  const caPem = readPem(path.join(pkiDir, 'ca.crt'))
  const gatewayPem = readPem(path.join(pkiDir, 'gateway.crt'))
  const ca = certificateFacts(caPem)
  const gateway = certificateFacts(gatewayPem)
  const [database, gatewayAt, clock, name] = await Promise.all([
    databaseFacts(db, target),
    gatewayFacts(cfg, pkiDir, caPem, gatewayPem),
    clockFacts(db, target),
    masterName(db, cfg),
  ])
  return [
    databaseCheck(database),
    gatewayCheck(gatewayAt),
    certificatesCheck(
      {
        dir: pkiDir,
        ca: ca?.facts ?? null,
        gateway: gateway?.facts ?? null,
        gatewaySignedByCa: Boolean(ca && gateway?.cert.verify(ca.cert.publicKey)),
      },
      new Date(),
    ),
    versionsCheck(cfg.reportedVersion ?? MASTER_VERSION),
    clockCheck(clock),
    networkCheck(name, cfg.gatewayPort, cfg.port),
  ]
}
