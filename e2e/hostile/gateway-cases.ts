// Hostile requests to the agent gateway: bad bodies, wrong methods, path tricks, wrong headers, huge bodies, no or
// forged client certificates, replayed, expired, revoked and unknown enlistment tokens.
import { hostileBodies, hugeBodies, TEN_MB } from './bodies'
import type { AgentKey } from './pki'
import { type ClientCertificate, caseTable, type HostileCase, JSON_TYPE } from './send'
import { enlistmentTokenCases } from './token-cases'

export interface GatewayKit {
  /** the target enlisted for the test, with the certificate the master signed */
  enlisted: AgentKey & ClientCertificate
  forged: Record<string, ClientCertificate>
  /** fresh keys and requests, for enlistments that must be refused */
  strangers: AgentKey[]
  /** another key whose request names the enlisted target */
  impostor: AgentKey
  /** a request for a name with forbidden characters */
  badName: AgentKey
  tokens: { usedUp: string; expired: string; revoked: string }
}

const OPEN = ['/agent/v1/enlist', '/agent/v1/enlist/status']
const CERTIFIED = ['/agent/v1/poll', '/agent/v1/ack', '/agent/v1/outcomes', '/agent/v1/reenlist', '/agent/v1/defect']
/** the routes a body reaches with the real certificate: every one but /defect, which would defect the target */
const WITH_BODY = ['/agent/v1/poll', '/agent/v1/ack', '/agent/v1/outcomes', '/agent/v1/reenlist']
const POLL = JSON.stringify({ agentVersion: '0.1.0', localTime: new Date().toISOString(), pollIntervalSeconds: 60 })

const PATHS = [
  '/agent/v1/../../etc/passwd',
  '/agent/v1/%2e%2e/%2e%2e/etc/passwd',
  '/agent/v1/..%2f..%2fetc%2fpasswd',
  '/agent/v1/poll/../../../etc/passwd',
  '//agent/v1/poll',
  '/agent//v1/poll',
  '/agent/v1/poll/',
  '/agent/v1/poll/..',
  '/AGENT/V1/POLL',
  '/agent/v1/poll;jsessionid=1',
  '/agent/v1/poll%00',
  '/agent/v1/enlist%2fstatus',
  '/agent/v1/constructor',
  '/agent/v1/__proto__',
  '/agent/v1/hasOwnProperty',
  '/agent/v1/',
  '/agent/v2/poll',
  '/',
  '*',
  'http://evil.example/agent/v1/enlist',
  '/agent/v1/poll\\..\\..\\etc\\passwd',
  `/agent/v1/${'a'.repeat(8_000)}`,
  `/agent/v1/enlist?${'q=1&'.repeat(2_000)}`,
  `/agent/v1/${'x/'.repeat(10_000)}`,
]
/** none of them is application/json, though some begin like it */
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json-patch+json',
  'application/jsonp',
]
const RAW_LIES = [
  ['a length of 10 MB for a 2-byte body', 'Content-Length: 10485760\r\n\r\n{}'],
  ['a length shorter than the body', 'Content-Length: 2\r\n\r\n{"name":"TSX1"}'],
  ['a length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
  ['a negative length', 'Content-Length: -5\r\n\r\n{}'],
  ['two different lengths', 'Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}'],
  ['a length and chunked encoding', 'Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n'],
] as const

export function gatewayCases(kit: GatewayKit): HostileCase[] {
  const { cases, add } = caseTable('gateway', 'gateway')
  const real = { cert: kit.enlisted.cert, key: kit.enlisted.key }

  for (const { name, body } of hostileBodies) {
    for (const path of OPEN) add('bad bodies', { name: `${path}: ${name}`, path, headers: JSON_TYPE, body })
    for (const path of WITH_BODY)
      add('bad bodies', { name: `${path}: ${name}`, path, headers: JSON_TYPE, body, clientCertificate: real })
  }

  const certificates: [string, ClientCertificate | undefined][] = [
    ['no client certificate', undefined],
    ...Object.entries(kit.forged),
  ]
  for (const [what, clientCertificate] of certificates)
    for (const path of CERTIFIED)
      for (const body of [POLL, '{}', 'garbage'])
        add('no or forged client certificates', {
          name: `${path} with ${what}: ${body}`,
          path,
          headers: JSON_TYPE,
          body,
          clientCertificate,
          status: 401,
        })

  for (const path of [...OPEN, ...CERTIFIED])
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])
      add('wrong methods', { name: `${method} ${path}`, method, path, status: 405 })
  for (const path of WITH_BODY)
    for (const method of ['GET', 'PUT', 'DELETE'])
      add('wrong methods', {
        name: `${method} ${path} with the real certificate`,
        method,
        path,
        clientCertificate: real,
      })

  for (const path of PATHS) {
    // a request line over Node's 16 KiB header limit is refused by Node itself (431)
    const byNode = path.length > 16_000
    add('path tricks', { name: `POST ${path.slice(0, 80)}`, path, headers: JSON_TYPE, body: '{}', byNode })
    add('path tricks', {
      name: `GET ${path.slice(0, 80)} (certificate)`,
      method: 'GET',
      path,
      clientCertificate: real,
      byNode,
    })
  }
  for (const [what, line] of [
    ['a NUL byte', '/agent/v1/poll\u0000/../enlist'],
    ['a space', '/agent/v1/enlist /x'],
    ['raw UTF-8', '/agent/v1/\u00c3\u00bcnicode'],
    ['a tab and CR', '/agent/v1/enlist\t\r'],
  ])
    add('path tricks', {
      name: `a path with ${what}`,
      path: '',
      raw: `POST ${line} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    })

  for (const type of CONTENT_TYPES) {
    for (const path of [...OPEN, ...CERTIFIED])
      add('wrong headers', {
        name: `${path} as ${type}`,
        path,
        headers: { 'content-type': type },
        body: '{}',
        status: OPEN.includes(path) ? 415 : 401,
      })
    // a valid poll: only its content type is wrong
    for (const path of WITH_BODY)
      add('wrong headers', {
        name: `${path} as ${type} (certificate)`,
        path,
        headers: { 'content-type': type },
        body: POLL,
        clientCertificate: real,
        status: 415,
      })
  }
  for (const path of [...OPEN, ...CERTIFIED])
    add('wrong headers', {
      name: `${path} with a 20 KB header`,
      path,
      headers: { ...JSON_TYPE, 'x-padding': 'a'.repeat(20_000) },
      body: '{}',
      status: 431,
      byNode: true,
    })
  for (const path of ['/agent/v1/enlist', '/agent/v1/enlist/status'])
    for (const [what, rest] of RAW_LIES)
      add('lying content-length', {
        name: `${path} with ${what}`,
        path,
        raw: `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n${rest}`,
      })

  for (const { name, body } of hugeBodies) {
    for (const path of OPEN)
      add('huge bodies', { name: `${path}: ${name}`, path, headers: JSON_TYPE, body, status: 413 })
    for (const path of WITH_BODY)
      add('huge bodies', {
        name: `${path}: ${name}`,
        path,
        headers: JSON_TYPE,
        body,
        status: 413,
        clientCertificate: real,
      })
  }
  // without a length the gateway reads up to its limit, answers 413, and drops the rest (no reset connection)
  for (const path of ['/agent/v1/enlist', '/agent/v1/poll'])
    add('huge bodies', {
      name: `${path}: 10 MB, chunked without a length`,
      path,
      headers: JSON_TYPE,
      body: `{"name":"${TEN_MB}"}`,
      chunked: true,
      clientCertificate: real,
      status: 413,
    })

  return [...cases, ...enlistmentTokenCases(kit)]
}
