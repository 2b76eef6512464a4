// Hostile server action requests: garbage or unknown action ids, garbage bodies for every action, cross-site
// posts while signed in, calls without a session, sign-in and setup forms with huge values.
import fs from 'node:fs'
import path from 'node:path'
import { SESSION_COOKIE } from '../../lib/auth/next/cookie'
import type { DashboardKit } from './dashboard-cases'
import { caseTable, type HostileCase } from './send'

interface Action {
  id: string
  name: string
}

/** The server actions of the build the master serves (their ids change with every build). */
export function builtActions(): Action[] {
  const file = path.join(import.meta.dirname, '../../.next/server/server-reference-manifest.json')
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, { exportedName: string }> }
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, name: entry.exportedName }))
}

/** the actions anyone may call: sign-in and first-run setup come before a session, sign-out ends one */
const PUBLIC = new Set(['signInAction', 'setUpAction', 'signOutAction'])
const TEXT = 'text/plain;charset=UTF-8'
const BOUNDARY = '----hostile'

function multipart(fields: [string, string][], boundary = BOUNDARY) {
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  return `${parts.join('')}--${boundary}--\r\n`
}
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`

/** Bodies React's encodeReply never makes: Next.js would fail on each with a 500. */
const GARBAGE: { name: string; type: string; body: string; status: number }[] = [
  { name: 'empty', type: TEXT, body: '', status: 400 },
  { name: 'not JSON', type: TEXT, body: '{{{', status: 400 },
  { name: 'null', type: TEXT, body: 'null', status: 400 },
  { name: 'a number', type: TEXT, body: '1', status: 400 },
  { name: 'an object', type: TEXT, body: '{"names":["TSX1"]}', status: 400 },
  { name: 'a reference to a missing part', type: TEXT, body: '["$1"]', status: 400 },
  { name: 'a Map of a missing part', type: TEXT, body: '["$Q1"]', status: 400 },
  { name: 'a server reference', type: TEXT, body: '["$h1"]', status: 400 },
  { name: 'a promise of a missing part', type: TEXT, body: '["$@1"]', status: 400 },
  { name: 'a prototype path', type: TEXT, body: '[{"then":"$1:__proto__:then"}]', status: 400 },
  { name: 'a __proto__ then', type: TEXT, body: '[{"__proto__":{"then":"$1:constructor:constructor"}}]', status: 400 },
  { name: 'a bad bigint', type: TEXT, body: '["$nxyz"]', status: 400 },
  { name: 'a value React does not send', type: TEXT, body: '["$Zoops"]', status: 400 },
  { name: 'nested 10,000 deep', type: TEXT, body: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, status: 400 },
  { name: 'a 2 MB argument', type: TEXT, body: `["${'x'.repeat(2 * 1024 * 1024)}"]`, status: 413 },
  { name: 'garbage multipart', type: MULTIPART, body: 'garbage', status: 400 },
  { name: 'multipart without arguments', type: MULTIPART, body: multipart([['1', '[]']]), status: 400 },
  { name: 'multipart arguments not JSON', type: MULTIPART, body: multipart([['0', '[{']]), status: 400 },
  { name: 'multipart with a missing part', type: MULTIPART, body: multipart([['0', '["$2"]']]), status: 400 },
  { name: 'multipart without a boundary', type: 'multipart/form-data', body: multipart([['0', '[]']]), status: 400 },
]

export function actionCases(kit: DashboardKit, actions: Action[]): HostileCase[] {
  const { cases, add } = caseTable('dashboard', 'dashboard')
  const signIn = actions.find((a) => a.name === 'signInAction')
  const setUp = actions.find((a) => a.name === 'setUpAction')
  if (!signIn || !setUp || actions.length < 10) throw new Error('the build has not the expected server actions')

  for (const id of [
    'deadbeef',
    'x'.repeat(1_000),
    '00'.repeat(21),
    `7f${'0'.repeat(40)}`,
    '../../etc/passwd',
    '<script>',
  ])
    for (const page of ['/targets', '/sign-in', '/users', '/'])
      add('unknown server actions', {
        name: `action ${id.slice(0, 40)} on ${page}`,
        path: page,
        headers: { 'next-action': id, 'content-type': TEXT, origin: kit.origin },
        body: '[]',
      })

  for (const action of actions)
    for (const garbage of GARBAGE)
      add('garbage server action bodies', {
        name: `${action.name}: ${garbage.name}`,
        path: action.name === 'signInAction' ? '/sign-in' : '/targets',
        headers: { 'next-action': action.id, 'content-type': garbage.type, origin: kit.origin },
        body: garbage.body,
        status: garbage.status,
      })

  const signedIn = `${SESSION_COOKIE}=${kit.session}`
  for (const action of actions)
    for (const [what, headers] of [
      ['another Origin', { origin: 'https://evil.example' }],
      ['Origin null', { origin: 'null' }],
      ['a garbage Origin', { origin: '::::' }],
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ] as const)
      add('cross-site server actions while signed in', {
        name: `${action.name} with ${what}`,
        path: '/targets',
        headers: { 'next-action': action.id, 'content-type': TEXT, cookie: signedIn, ...headers },
        body: '[{"names":["TSX1"],"id":1}]',
        status: 403,
      })

  for (const action of actions.filter((a) => !PUBLIC.has(a.name)))
    add('server actions without a session', {
      name: `${action.name} without a session`,
      path: '/targets',
      headers: { 'next-action': action.id, 'content-type': TEXT, origin: kit.origin },
      body: '[{"names":["TSX1"],"id":1}]',
      expect: 'action-refusal',
    })

  // what a form of useActionState posts: (previous state, the form's fields)
  const form = (fields: Record<string, string>) =>
    multipart([
      ['0', '["$undefined","$K1"]'],
      ...Object.entries(fields).map(([k, v]): [string, string] => [`1_${k}`, v]),
    ])
  const huge = (n: number) => 'x'.repeat(n)
  for (const [what, fields, status] of [
    ['a 100 KB name', { name: huge(100_000), password: 'p' }],
    ['a 100 KB password', { name: 'first-admin', password: huge(100_000) }],
    ['a 900 KB name', { name: huge(900_000), password: huge(10) }],
    ['a name of control characters', { name: '\u0000\u001b[2J'.repeat(1_000), password: 'p' }],
    ['a 2 MB name', { name: huge(2_000_000), password: 'p' }, 413],
    ['a 10 MB password', { name: 'first-admin', password: huge(10_000_000) }, 413],
  ] as const) {
    const expect = status ? undefined : ('action-refusal' as const)
    add('sign-in and setup forms with huge values', {
      name: `sign-in with ${what}`,
      path: '/sign-in',
      headers: { 'next-action': signIn.id, 'content-type': MULTIPART, origin: kit.origin },
      body: form(fields),
      status,
      expect,
    })
    add('sign-in and setup forms with huge values', {
      name: `setup with ${what}`,
      path: '/setup',
      headers: { 'next-action': setUp.id, 'content-type': MULTIPART, origin: kit.origin },
      body: form({ ...fields, confirm: fields.password }),
      status,
      expect,
    })
  }
  for (const [what, body] of [
    ['garbage', 'garbage'],
    [
      'a bound action whose arguments are not JSON',
      multipart([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', `{"id":"${signIn.id}","bound":"$@1"}`],
        ['$ACTION_1:1', '[$$$'],
        ['$ACTION_KEY', 'k1'],
      ]),
    ],
    [
      'a bound action with a missing part',
      multipart([
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', `{"id":"${signIn.id}","bound":"$@9"}`],
      ]),
    ],
  ])
    add('sign-in and setup forms with huge values', {
      name: `a no-script sign-in form post: ${what}`,
      path: '/sign-in',
      headers: { 'content-type': MULTIPART, origin: kit.origin },
      body,
      status: 400,
    })
  return cases
}
