// Hostile requests to the msx API (POST /api/v1/NAME): no token, garbage, malformed, expired or wrong-kind tokens,
// unknown commands, wrong methods and content types, bad and huge bodies, login with bad input.
import { commands } from '../../server/api/commands'
import { hostileBodies, hugeBodies, TEN_MB } from './bodies'
import { caseTable, type HostileCase, JSON_TYPE } from './send'

export interface ApiKit {
  /** an administrator's API token: its commands reach input validation */
  token: string
  expiredToken: string
  /** a browser session: not an API token */
  browserSession: string
}

/** commands whose input has required fields, so no body of the tables is valid for them */
const STRICT = [
  'targets.force-poll',
  'targets.defect',
  'enlistment.approve',
  'instructions.delete',
  'api-tokens.revoke',
]
const UNKNOWN = [
  '',
  'nope',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '../login',
  'login/',
  'LOGIN',
  'whoami/x',
  '%2e%2e/login',
  'targets.list%00',
  'targets..list',
  'x'.repeat(5_000),
]
/** login inputs that fail validation before any account is looked up (so no failure is counted) */
const BAD_LOGINS: Record<string, unknown>[] = [
  { name: 'x'.repeat(65), password: 'p' },
  { name: 'first-admin', password: 'p'.repeat(257) },
  { name: 'first-admin', password: 'p', expiresInDays: 0 },
  { name: 'first-admin', password: 'p', expiresInDays: 1e308 },
  { name: 'first-admin', password: 'p', expiresInDays: 1.5 },
  { name: 'first-admin', password: 'p', label: 'l'.repeat(101) },
  { name: ['first-admin'], password: 'p' },
  { name: 'first-admin', password: null },
  { name: '   ', password: 'p' },
  { name: 'first-admin', password: '' },
  { name: 'first-admin' },
]

export function apiCases(kit: ApiKit): HostileCase[] {
  const { cases, add } = caseTable('msx API', 'api')
  const bearer = { ...JSON_TYPE, authorization: `Bearer ${kit.token}` }

  const authorizations: [string, Record<string, string>][] = [
    ['no token', {}],
    ['a garbage token', { authorization: 'Bearer garbage' }],
    ['a 300-character token', { authorization: `Bearer ${'x'.repeat(300)}` }],
    ['Basic credentials', { authorization: 'Basic Zmlyc3QtYWRtaW46cGFzc3dvcmQ=' }],
    ['Bearer without a token', { authorization: 'Bearer' }],
    ['two tokens', { authorization: `Bearer ${kit.token} ${kit.token}` }],
    ['an expired token', { authorization: `Bearer ${kit.expiredToken}` }],
    ['a browser session as the token', { authorization: `Bearer ${kit.browserSession}` }],
    ['the token as a cookie', { cookie: `msx_session=${kit.token}` }],
  ]
  for (const name of Object.keys(commands))
    for (const [what, headers] of authorizations)
      add('no valid token', {
        name: `${name} with ${what}`,
        path: `/api/v1/${name}`,
        headers: { ...JSON_TYPE, ...headers },
        body: '{}',
        status: 401,
      })

  for (const name of UNKNOWN)
    for (const [what, headers] of [
      ['no token', JSON_TYPE],
      ['a token', bearer],
    ] as const)
      add('unknown commands', {
        name: `${name.slice(0, 40) || '(none)'} with ${what}`,
        path: `/api/v1/${name}`,
        headers,
        body: '{}',
        status: 404,
      })

  for (const name of ['login', 'whoami', 'targets.force-poll'])
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])
      add('wrong methods', { name: `${method} ${name}`, method, path: `/api/v1/${name}`, headers: bearer, status: 405 })

  for (const { name, body } of hostileBodies) {
    add('bad bodies', { name: `login: ${name}`, path: '/api/v1/login', headers: JSON_TYPE, body })
    for (const command of STRICT)
      add('bad bodies', { name: `${command}: ${name}`, path: `/api/v1/${command}`, headers: bearer, body })
  }
  for (const input of BAD_LOGINS)
    add('bad bodies', {
      name: `login with ${JSON.stringify(input).slice(0, 60)}`,
      path: '/api/v1/login',
      headers: JSON_TYPE,
      body: JSON.stringify(input),
      status: 400,
    })

  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])
    for (const name of ['login', 'whoami', 'targets.force-poll'])
      add('wrong headers', {
        name: `${name} as ${type || 'no content type'}`,
        path: `/api/v1/${name}`,
        headers: { authorization: bearer.authorization, 'content-type': type },
        body: '{"names":[]}',
        status: 415,
      })
  for (const name of ['login', 'whoami'])
    add('wrong headers', {
      name: `${name} with a 20 KB header`,
      path: `/api/v1/${name}`,
      headers: { ...bearer, 'x-padding': 'a'.repeat(20_000) },
      body: '{}',
      status: 431,
      byNode: true,
    })
  for (const [what, rest] of [
    ['a length of 10 MB for a 2-byte body', 'Content-Length: 10485760\r\n\r\n{}'],
    ['a length shorter than the body', 'Content-Length: 2\r\n\r\n{"name":"first-admin","password":"p"}'],
    ['a length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a length and chunked encoding', 'Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n'],
  ])
    add('lying content-length', {
      name: `login with ${what}`,
      path: '',
      raw: `POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n${rest}`,
    })

  for (const { name, body } of hugeBodies)
    for (const command of ['login', 'whoami', 'targets.force-poll'])
      add('huge bodies', {
        name: `${command}: ${name}`,
        path: `/api/v1/${command}`,
        headers: bearer,
        body,
        status: 413,
      })
  add('huge bodies', {
    name: 'login: 10 MB, chunked without a length',
    path: '/api/v1/login',
    headers: JSON_TYPE,
    body: `{"name":"${TEN_MB}"}`,
    chunked: true,
    status: 413,
  })
  return cases
}
