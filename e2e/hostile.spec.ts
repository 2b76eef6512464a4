// More than a thousand malformed, oversized and hostile requests to the agent gateway, the dashboard (pages, JSON
// reads, server actions) and the msx API, made from tables of cases (e2e/hostile/): none gets a 5xx or silence, the
// master keeps answering, nothing is written to its database, and each is refused with a 4xx that says what is wrong,
// except, and only for these cases (see Expectation in hostile/send.ts):
// - a page GET without a valid session may redirect to /sign-in;
// - a dashboard path with backslashes or repeated slashes gets Next.js's 308 to the same path with single slashes;
// - a well-formed, same-origin call of a known server action without a session is refused by the action itself, as
//   its form needs: 200 with { ok: false, message } (also sign-in and setup forms with huge values under 1 MB).
// The gateway and the msx API answer a body over 256 KiB with 413, also one sent without a length.
import fs from 'node:fs'
import path from 'node:path'
import { createSession } from '../lib/auth/sessions'
import { createEnlistmentToken, revokeEnlistmentToken } from '../lib/msx/enlistment-tokens'
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_GATEWAY_PORT, E2E_PORT } from './env'
import { expect, test } from './fixtures'
import { actionCases, builtActions } from './hostile/action-cases'
import { apiCases } from './hostile/api-cases'
import { problemWith } from './hostile/check'
import { dashboardCases } from './hostile/dashboard-cases'
import { gatewayCases } from './hostile/gateway-cases'
import { agentKey, enlistWithToken, forgedCertificates } from './hostile/pki'
import { eachLimited, send } from './hostile/send'
import { REMEMBERED_REFUSALS, snapshot } from './hostile/snapshot'

const CONCURRENCY = 16

test('hostile requests are each refused with a 4xx; the master keeps answering and writes nothing', async ({
  msx,
  unique,
  newUser,
}) => {
  test.setTimeout(180_000)
  const caPem = fs.readFileSync(path.join(E2E_DATA_DIR, 'pki', 'ca.crt'), 'utf8')
  const at = { dashboardPort: E2E_PORT, gatewayPort: E2E_GATEWAY_PORT, caPem }

  const cases = await test.step('legitimate setup, before the snapshot: sessions, tokens, one enlistment', async () => {
    const admin = await newUser('administrator')
    const account = await msx.db.user.findUniqueOrThrow({ where: { nameKey: admin.name.toUpperCase() } })
    const browser = await createSession(msx.db, account.id, { kind: 'browser', address: '127.0.0.1' })
    const api = await createSession(msx.db, account.id, { kind: 'api', address: '127.0.0.1' })
    const expired = await createSession(msx.db, account.id, { kind: 'api', address: '127.0.0.1' })
    await msx.db.session.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } })

    const usedUp = await createEnlistmentToken(msx, { uses: 1, label: 'hostile: used once' })
    const expiredToken = await createEnlistmentToken(msx, { label: 'hostile: expired' })
    await msx.db.enlistmentToken.update({
      where: { id: expiredToken.token.id },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    })
    const revoked = await createEnlistmentToken(msx, { label: 'hostile: revoked' })
    await revokeEnlistmentToken(msx, revoked.token.id)

    // the single use of the token: a real enlistment, as msx-agent enlist makes it
    const enlisted = await agentKey(unique('HOSTILE'))
    const cert = await enlistWithToken(E2E_GATEWAY_PORT, caPem, enlisted, usedUp.secret)
    const strangers = await Promise.all([1, 2, 3].map(() => agentKey(unique('STRANGER'))))

    const dashboard = { session: browser.secret, apiToken: api.secret, origin: E2E_BASE_URL }
    return [
      ...gatewayCases({
        enlisted: { ...enlisted, cert, key: enlisted.keyPem },
        forged: await forgedCertificates(enlisted.name, caPem),
        strangers,
        impostor: await agentKey(enlisted.name),
        badName: await agentKey('../etc/passwd'),
        tokens: { usedUp: usedUp.secret, expired: expiredToken.secret, revoked: revoked.secret },
      }),
      ...dashboardCases(dashboard),
      ...actionCases(dashboard, builtActions()),
      ...apiCases({ token: api.secret, expiredToken: expired.secret, browserSession: browser.secret }),
    ]
  })

  const counts = new Map<string, number>()
  for (const c of cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1)
  const summary = [...counts].map(([category, n]) => `${String(n).padStart(5)}  ${category}`).join('\n')
  test.info().annotations.push({ type: 'hostile requests', description: `${cases.length}\n${summary}` })
  expect(cases.length).toBeGreaterThanOrEqual(1000)

  const before = await snapshot(msx.db)
  const refusalsBefore = await msx.db.refusedRequest.count()

  const answers = await test.step(`${cases.length} hostile requests, ${CONCURRENCY} at a time`, () =>
    eachLimited(cases, CONCURRENCY, (c) => send(c, at)))

  await test.step('each was refused with a 4xx that says what is wrong', async () => {
    const problems = cases.flatMap((c, i) => {
      const answer = answers[i]
      const problem = answer ? problemWith(c, answer) : 'not sent'
      return problem ? [`${c.category} / ${c.name}: ${problem}`] : []
    })
    expect(problems).toEqual([])
  })

  await test.step('the master still answers', async () => {
    const health = await fetch(`${E2E_BASE_URL}/api/health`)
    expect(health.status).toBe(200)
  })

  await test.step(`nothing was written: every table has the rows it had, but ${REMEMBERED_REFUSALS}`, async () => {
    expect(await snapshot(msx.db)).toEqual(before)
  })

  await test.step('the gateway remembers the agents it refused, for the Connection card and msx diagnose', async () => {
    await expect.poll(() => msx.db.refusedRequest.count()).toBeGreaterThan(refusalsBefore)
  })
})
