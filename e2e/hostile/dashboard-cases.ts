// Hostile requests to the dashboard's pages and JSON reads: no session, a forged or garbage session cookie, a
// session of the wrong kind, a cross-site Origin or Sec-Fetch-Site while signed in, wrong methods, path tricks.
import { SESSION_COOKIE } from '../../lib/auth/next/cookie'
import { caseTable, type HostileCase } from './send'

export interface DashboardKit {
  /** a browser session of a signed-in administrator */
  session: string
  /** an API token: a session, but not of the browser kind */
  apiToken: string
  origin: string
}

const READS = ['/api/targets', '/api/activity', '/api/activity/export']
/** every page behind sign-in (sign-in and first-run setup are public) */
const PAGES = ['/', '/targets', '/activity', '/users', '/settings', '/account']
const QUERIES = [
  '',
  '?page=-1&pageSize=1000000000',
  `?search=${'x'.repeat(6_000)}`,
  '?from=not-a-date&to=%00&result=%27%20OR%201=1--',
  '?__proto__[isAdmin]=1&constructor[prototype][x]=1',
  '?%zz=%E0%A4%A',
]
const PATHS = [
  '/..%2f..%2f..%2fetc%2fpasswd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/_next/static/..%2f..%2f..%2fpackage.json',
  '/_next/static/%2e%2e/%2e%2e/server/app-paths-manifest.json',
  '/_next/../package.json',
  '/targets/..%2f..%2f.env',
  '/.env',
  '/.e2e-data/pki/ca.key',
  '/prisma/models.prisma',
  '/api/%2e%2e/package.json',
  '/api/targets%00',
  '/api/targets/..%252f..%252fpackage.json',
  '/%ff%fe%00',
  '/_next/image?url=http://evil.example/x.png&w=64&q=75',
  '/_next/image?url=/etc/passwd&w=1&q=1',
  '/_next/data/../../package.json',
  `/${'a'.repeat(8_000)}`,
  `/${'a/'.repeat(10_000)}`,
]

function cookieVariants(kit: DashboardKit): [string, Record<string, string>][] {
  return [
    ['no cookie', {}],
    ['a garbage session', { cookie: `${SESSION_COOKIE}=garbage` }],
    ['a forged session of the right length', { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` }],
    ['a 300-character session', { cookie: `${SESSION_COOKIE}=${'x'.repeat(300)}` }],
    ['an encoded unicode session', { cookie: `${SESSION_COOKIE}=${encodeURIComponent('☃\u0000"; path=/')}` }],
    ['an API token as the session', { cookie: `${SESSION_COOKIE}=${kit.apiToken}` }],
    ['an empty session and a second one', { cookie: `${SESSION_COOKIE}=; ${SESSION_COOKIE}=nope` }],
  ]
}

export function dashboardCases(kit: DashboardKit): HostileCase[] {
  const { cases, add } = caseTable('dashboard', 'dashboard')
  const signedIn = { cookie: `${SESSION_COOKIE}=${kit.session}` }

  for (const path of READS)
    for (const [what, headers] of cookieVariants(kit))
      for (const query of QUERIES)
        add('JSON reads without a valid session', {
          name: `GET ${path}${query.slice(0, 60)} with ${what}`,
          method: 'GET',
          path: `${path}${query}`,
          headers,
          status: 401,
        })

  const crossSite: [string, Record<string, string>][] = [
    ['another Origin', { origin: 'https://evil.example' }],
    ['a look-alike Origin', { origin: `${kit.origin}.evil.example` }],
    ['Origin null', { origin: 'null' }],
    ['a garbage Origin', { origin: '::::' }],
    ['another host name for the master', { origin: kit.origin.replace('127.0.0.1', 'localhost') }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ]
  for (const path of READS)
    for (const [what, headers] of crossSite)
      add('cross-site JSON reads while signed in', {
        name: `GET ${path} with ${what}`,
        method: 'GET',
        path,
        headers: { ...signedIn, ...headers },
        status: 403,
      })

  for (const path of READS)
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'])
      add('wrong methods', {
        name: `${method} ${path}`,
        method,
        path,
        headers: { ...signedIn, origin: kit.origin, 'content-type': 'application/json' },
        body: '{"names":["TSX1"]}',
        status: 405,
      })

  for (const path of PAGES)
    for (const [what, headers] of cookieVariants(kit))
      for (const query of ['', '?next=//evil.example', '?search=%00%ff'])
        add('pages without a valid session', {
          name: `GET ${path}${query} with ${what}`,
          method: 'GET',
          path: `${path}${query}`,
          headers,
          expect: 'refused-or-sign-in',
        })

  for (const path of PATHS)
    for (const [what, headers] of [
      ['signed out', {}],
      ['signed in', signedIn],
    ] as const)
      add('path tricks', {
        name: `GET ${path.slice(0, 80)} ${what}`,
        method: 'GET',
        path,
        headers,
        byNode: path.length > 16_000,
      })
  for (const [what, line] of [
    ['a NUL byte', '/targets\u0000/../api/targets'],
    ['a space', '/api/targets /x'],
    ['raw UTF-8', '/\u00c3\u00bcnicode'],
  ])
    add('path tricks', {
      name: `a path with ${what}`,
      path: '',
      raw: `GET ${line} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    })
  // the one redirect besides sign-in: Next.js sends these to the same path with single slashes, on the dashboard
  for (const line of [
    '/..\\..\\etc\\passwd',
    '/\\evil.example',
    '//etc/passwd',
    '//evil.example/targets',
    '/targets//x',
  ])
    add('path tricks', {
      name: `GET ${line}`,
      path: '',
      raw: `GET ${line} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      expect: 'slash-redirect',
    })

  for (const path of ['/api/targets', '/targets'])
    add('wrong headers', {
      name: `GET ${path} with a 20 KB header`,
      method: 'GET',
      path,
      headers: { 'x-padding': 'a'.repeat(20_000) },
      status: 431,
      byNode: true,
    })
  for (const [what, rest] of [
    ['a length shorter than the body', 'Content-Length: 2\r\n\r\n[{"names":["TSX1"]}]'],
    ['a length that is not a number', 'Content-Length: abc\r\n\r\n[]'],
    ['two different lengths', 'Content-Length: 2\r\nContent-Length: 40\r\n\r\n[]'],
    ['a length and chunked encoding', 'Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[]\r\n0\r\n\r\n'],
  ])
    for (const path of ['/api/targets', '/targets'])
      add('lying content-length', {
        name: `POST ${path} with ${what}`,
        path: '',
        raw: `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nConnection: close\r\n${rest}`,
      })
  return cases
}
