// msx-agent doctor: why this target cannot enlist or download, one check at a time (name, TCP, TLS, the
// master's CA, version, clock, and for an enlisted agent its certificate and downloads). Changes nothing here
// or on the master: the agent's store is opened read-only, and the master is asked only /agent/v1/hello.
import { lookup } from 'node:dns/promises'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { connect, type DetailedPeerCertificate } from 'node:tls'
import Database from 'better-sqlite3'
import { CLOCK_SKEW_TOLERANCE_MS, clockSkewAcceptable } from '../lib/msx/clock-skew'
import { assertAgentVersionAccepted } from '../lib/msx/versions'
import { certificateFingerprint, normalizeFingerprint } from '../lib/pki/fingerprint'
import { type HelloResponse, helloResponse } from '../lib/protocol/agent-v1'
import { AGENT_VERSION, systemNow } from './environment'
import { AgentError, MasterRefused } from './errors'
import { type Identity, loadIdentity } from './identity'
import { MasterClient } from './master-client'
import { sqliteOptions } from './runtime'
import { chainRoot, checkMasterChain, hostOf } from './trust'

export type CheckStatus = 'pass' | 'fail' | 'skip'
export interface DoctorCheck {
  status: CheckStatus
  check: string
  detail: string
}

export interface DoctorOptions {
  master?: string
  caFingerprint?: string
  caFile?: string
  name?: string
  dataDir: string
  /** how long the TCP connect may take (5 s) */
  connectTimeoutMs?: number
}

interface Subject {
  url: URL
  expectedFingerprint: string
  name: string | null
  identity: Identity | null
  /** the offset adopted at the last SYNC-TIME, which the agent's clock carries */
  clockOffsetMs: number
}

/** An enlisted agent's settings, read without opening the store for writing. */
function storedSettings(dataDir: string): Map<string, string> | null {
  const file = path.join(dataDir, 'agent.db')
  if (!fs.existsSync(file)) return null
  const db = new Database(file, { readonly: true, fileMustExist: true, ...sqliteOptions() })
  try {
    const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
    return new Map(rows.map((r) => [r.key, r.value]))
  } finally {
    db.close()
  }
}

function subjectOf(options: DoctorOptions): Subject {
  if (options.master) {
    let expected: string | null = null
    if (options.caFile) {
      if (!fs.existsSync(options.caFile)) throw new AgentError(`--ca-file ${options.caFile} does not exist.`, 2)
      expected = certificateFingerprint(fs.readFileSync(options.caFile, 'utf8'))
    } else if (options.caFingerprint) {
      expected = normalizeFingerprint(options.caFingerprint)
      if (!expected)
        throw new AgentError('--ca-fingerprint must be a SHA-256 fingerprint: sha256: followed by 64 hex digits.', 2)
    } else
      throw new AgentError(
        'Give --ca-fingerprint sha256:... (from `msx ca-fingerprint` or the wizard on the master) or --ca-file.',
        2,
      )
    return {
      url: masterUrlOf(options.master),
      expectedFingerprint: expected,
      name: options.name ?? null,
      identity: null,
      clockOffsetMs: 0,
    }
  }
  const settings = storedSettings(options.dataDir)
  if (settings?.get('state') !== 'enlisted' || !settings.get('masterUrl') || !settings.get('caPem'))
    throw new AgentError(
      `No enlisted agent in ${options.dataDir}: give --master https://HOST:3443 and --ca-fingerprint (or --ca-file) to check a master before enlisting.`,
      2,
    )
  return {
    url: masterUrlOf(settings.get('masterUrl') ?? ''),
    expectedFingerprint: certificateFingerprint(settings.get('caPem') ?? ''),
    name: settings.get('name') ?? null,
    identity: loadIdentity(options.dataDir),
    clockOffsetMs: Number(settings.get('clockOffsetMs') ?? 0),
  }
}

function masterUrlOf(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AgentError(`The master's address must look like https://HOST:3443 (got ${text}).`, 2)
  }
  if (url.protocol !== 'https:') throw new AgentError(`The master's address must start with https:// (got ${text}).`, 2)
  return url
}

const portOf = (url: URL) => Number(url.port || 443)

function tcpConnect(address: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port })
    socket.setTimeout(timeoutMs)
    socket.once('connect', () => {
      socket.destroy()
      resolve()
    })
    socket.once('timeout', () => {
      socket.destroy()
      reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }))
    })
    socket.once('error', (error) => {
      socket.destroy()
      reject(error)
    })
  })
}

function tlsChain(url: URL, address: string, timeoutMs: number): Promise<DetailedPeerCertificate> {
  const host = hostOf(url)
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: address,
      port: portOf(url),
      servername: net.isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    })
    socket.once('timeout', () => {
      socket.destroy()
      reject(new Error(`no TLS answer within ${timeoutMs / 1000} s`))
    })
    socket.once('error', (error) => {
      socket.destroy()
      reject(error)
    })
    socket.once('secureConnect', () => {
      const leaf = socket.getPeerCertificate(true)
      socket.end()
      resolve(leaf)
    })
  })
}

function explainTls(error: NodeJS.ErrnoException, url: URL): string {
  const where = `${hostOf(url)}:${portOf(url)}`
  if (/wrong version number|packet length too long|http request/i.test(error.message))
    return `${where} does not speak TLS (${error.message}): is this the gateway's port (3443 by default) and not the dashboard's (3000)?`
  if (error.code === 'ECONNRESET')
    return `${where} closed the connection during the TLS handshake: a firewall or proxy may be inspecting TLS; let this server reach the gateway directly.`
  return `the TLS handshake with ${where} failed (${error.message}): check that ${where} is the master's agent gateway.`
}

function explainTcp(error: NodeJS.ErrnoException, host: string, port: number): string {
  if (error.code === 'ECONNREFUSED')
    return `nothing listens on ${host}:${port}: is the master running, and is this the gateway's port (3443 by default)?`
  if (error.code === 'ETIMEDOUT')
    return `no answer from ${host}:${port}: open TCP ${port} from this server to ${host}; the master never connects to targets, nothing else is needed.`
  if (error.code === 'EHOSTUNREACH' || error.code === 'ENETUNREACH')
    return `no route to ${host}:${port} (${error.code}): check this server's network and routes to ${host}.`
  return `cannot connect to ${host}:${port}: ${error.message}.`
}

function formatSkew(ms: number): string {
  const sign = ms > 0 ? '+' : ms < 0 ? '-' : ''
  const abs = Math.abs(ms)
  return abs < 1000 ? `${sign}${abs} ms` : `${sign}${(abs / 1000).toFixed(1)} s`
}

/** Runs every check in order; a check that cannot run after a failure is skipped with the reason. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorCheck[]> {
  const subject = subjectOf(options)
  const timeoutMs = options.connectTimeoutMs ?? 5000
  const host = hostOf(subject.url)
  const port = portOf(subject.url)
  const checks: DoctorCheck[] = []
  const add = (status: CheckStatus, check: string, detail: string) => checks.push({ status, check, detail })
  const rest = (names: string[], why: string) => {
    for (const name of names) add('skip', name, why)
    return checks
  }
  const later = ['TCP', 'TLS', 'CA', 'Version', 'Clock', ...(subject.identity ? ['Certificate', 'Downloads'] : [])]

  let addresses: string[]
  if (net.isIP(host)) {
    addresses = [host]
    add('pass', 'Name', `${host} is an address (nothing to resolve)`)
  } else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address)
      add('pass', 'Name', `${host} resolves to ${addresses.join(', ')}`)
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      add(
        'fail',
        'Name',
        `${host} does not resolve (${why}): check the name, or this server's DNS (/etc/resolv.conf, /etc/hosts).`,
      )
      return rest(later, `the name ${host} does not resolve`)
    }
  }

  // the first address that answers, as the agent's own connections would (localhost: ::1, then 127.0.0.1)
  let address: string | null = null
  let refusal: NodeJS.ErrnoException | null = null
  for (const candidate of addresses) {
    try {
      await tcpConnect(candidate, port, timeoutMs)
      address = candidate
      break
    } catch (error) {
      refusal ??= error as NodeJS.ErrnoException
    }
  }
  if (!address) {
    add('fail', 'TCP', explainTcp(refusal ?? new Error('no address'), host, port))
    return rest(later.slice(1), `no TCP connection to ${host}:${port}`)
  }
  add('pass', 'TCP', `connected to ${address}:${port}`)

  let leaf: DetailedPeerCertificate
  try {
    leaf = await tlsChain(subject.url, address, timeoutMs)
    add('pass', 'TLS', `handshake with ${host}:${port} done`)
  } catch (error) {
    add('fail', 'TLS', explainTls(error as NodeJS.ErrnoException, subject.url))
    return rest(later.slice(2), 'no TLS handshake')
  }

  const presented = chainRoot(leaf)?.fingerprint ?? 'none'
  const chain = checkMasterChain(subject.url, leaf, subject.expectedFingerprint)
  if (chain instanceof Error) {
    add(
      'fail',
      'CA',
      presented === subject.expectedFingerprint
        ? chain.message
        : `the master's CA is ${presented}, not the expected ${subject.expectedFingerprint}: copy the command again from the master's wizard or Settings (or \`msx ca-fingerprint\`).`,
    )
    return rest(later.slice(3), "the master's CA is not trusted")
  }
  add('pass', 'CA', `the master's CA matches ${subject.expectedFingerprint}`)

  const client = new MasterClient({
    masterUrl: subject.url.href,
    encrypt: 'strict',
    caPem: chain.caPem,
    keyPem: subject.identity?.keyPem,
    certPem: subject.identity?.certPem,
  })
  let hello: HelloResponse
  let roundTripMs: number
  let agentNow: number
  try {
    const sent = Date.now()
    hello = await client.post('/hello', {}, helloResponse, { timeoutMs: 10_000 })
    roundTripMs = Date.now() - sent
    agentNow = systemNow().getTime() + subject.clockOffsetMs
  } catch (error) {
    const old = error instanceof MasterRefused && error.code === 'not_found'
    add(
      'fail',
      'Version',
      old
        ? `the master does not answer msx-agent doctor: it is older than this agent (${AGENT_VERSION}); upgrade the master.`
        : `the master did not answer: ${(error as Error).message}`,
    )
    return rest(later.slice(4), 'the master did not answer')
  } finally {
    client.close()
  }

  try {
    assertAgentVersionAccepted(AGENT_VERSION, hello.master.version)
    add(
      'pass',
      'Version',
      `master ${hello.master.name} (version ${hello.master.version}) accepts this agent (${AGENT_VERSION})`,
    )
  } catch (error) {
    add('fail', 'Version', (error as Error).message)
  }

  // the master's clock when the answer left it, taken as half the round trip before it arrived
  const skewMs = Math.round(agentNow - (Date.parse(hello.serverTime) + roundTripMs / 2))
  if (clockSkewAcceptable(skewMs))
    add('pass', 'Clock', `${formatSkew(skewMs)} from the master's clock (within ${CLOCK_SKEW_TOLERANCE_MS / 1000} s)`)
  else
    add(
      'fail',
      'Clock',
      `this server's clock is ${formatSkew(skewMs)} off the master's (more than ${CLOCK_SKEW_TOLERANCE_MS / 1000} s): synchronize this server's clock with NTP, or post Synchronize clocks (SYNC-TIME) from the master.`,
    )

  if (subject.identity) {
    const standing = hello.certificate
    if (!standing || standing.status === 'unknown') {
      add('fail', 'Certificate', standing?.message ?? 'the master saw no client certificate: enlist again.')
      rest(['Downloads'], 'the certificate is not accepted')
    } else if (standing.status === 'revoked') {
      add('fail', 'Certificate', `revoked at ${standing.revokedAt}: ${standing.message}`)
      rest(['Downloads'], 'the certificate is revoked')
    } else {
      add('pass', 'Certificate', `the master accepts the certificate of ${standing.targetName}`)
      if (standing.blockedBy)
        add(
          'fail',
          'Downloads',
          `blocked by instruction ${standing.blockedBy.id}, which failed: ${standing.blockedBy.errorMessage}. Delete or clear it on the master (the target's download list), or resynchronize the target.`,
        )
      else
        add(
          'pass',
          'Downloads',
          standing.pendingInstructions === 0
            ? 'nothing pending'
            : `${standing.pendingInstructions} instruction(s) pending: msx-agent run downloads them at its next poll`,
        )
    }
  } else if (subject.name) {
    add('pass', 'Ready', `${subject.name} can enlist into ${hello.master.name}`)
  }
  return checks
}

export function formatChecks(checks: DoctorCheck[]): string {
  const width = Math.max(...checks.map((c) => c.check.length)) + 2
  return checks.map((c) => `${c.status}  ${c.check.padEnd(width)}${c.detail}`).join('\n')
}

export const allPassed = (checks: DoctorCheck[]) => checks.every((c) => c.status === 'pass')
