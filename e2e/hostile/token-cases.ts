// Enlistment with tokens the master must refuse: the single-use token replayed after its one use, expired,
// revoked, unknown and malformed tokens, and requests that do not match their certificate request.
import type { GatewayKit } from './gateway-cases'
import { enlistBody } from './pki'
import { caseTable, type HostileCase, JSON_TYPE } from './send'

export function enlistmentTokenCases(kit: GatewayKit): HostileCase[] {
  const { cases, add } = caseTable('gateway', 'gateway')
  const enlist = (what: string, body: unknown, status = 403) =>
    add('enlistment tokens', {
      name: what,
      path: '/agent/v1/enlist',
      headers: JSON_TYPE,
      body: JSON.stringify(body),
      status,
    })
  const [first, second, third] = kit.strangers
  if (!first || !second || !third) throw new Error('three strangers are needed')
  const { usedUp, expired, revoked } = kit.tokens
  enlist('the used-up token replayed with the same request', enlistBody(kit.enlisted, usedUp))
  enlist('the used-up token replayed for the enlisted name with another key', enlistBody(kit.impostor, usedUp))
  for (const stranger of kit.strangers) {
    enlist(`the used-up token for ${stranger.name}`, enlistBody(stranger, usedUp))
    enlist(`the used-up token with spaces for ${stranger.name}`, enlistBody(stranger, ` ${usedUp}\n`))
    enlist(`an expired token for ${stranger.name}`, enlistBody(stranger, expired))
    enlist(`a revoked token for ${stranger.name}`, enlistBody(stranger, revoked))
  }
  enlist('an unknown token', enlistBody(first, `msxe_${'A'.repeat(32)}`))
  enlist('the token prefix alone', enlistBody(second, 'msxe_'))
  enlist('a __proto__ token', enlistBody(third, '__proto__'))
  enlist('a token of 201 characters', enlistBody(first, 'x'.repeat(201)), 400)
  enlist('an empty token', enlistBody(second, ''), 400)
  enlist('a token that is a number', { ...enlistBody(third), token: 12345 }, 400)
  enlist('a token for a request signed for another name', { ...enlistBody(first, usedUp), name: second.name }, 400)
  enlist(
    'a garbage certificate request',
    {
      ...enlistBody(first, usedUp),
      csrPem: '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----',
    },
    400,
  )
  enlist('a name with forbidden characters, without a token', enlistBody(kit.badName), 400)
  for (const agent of [kit.enlisted, first])
    add('enlistment tokens', {
      name: `the enlistment status of ${agent === first ? 'an unknown request' : 'the token-enlisted target'}`,
      path: '/agent/v1/enlist/status',
      headers: JSON_TYPE,
      body: JSON.stringify({ name: agent.name, csrPem: agent.csrPem }),
      status: 404,
    })
  return cases
}
