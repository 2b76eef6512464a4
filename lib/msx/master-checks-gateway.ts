// The verdict on the agent gateway: whether it answers with this master's certificate, and by which names and
// addresses target servers can reach it.
import { isIP } from 'node:net'
import type { MasterCheck } from './master-checks'

/** How a TLS connection to the gateway ended. */
export type GatewayProbe =
  | { kind: 'listening'; verified: boolean }
  | { kind: 'closed' | 'timeout' | 'untrusted' | 'expired' | 'error'; message: string }

/** One name of the gateway's certificate, and the addresses it resolves to here (an address resolves to itself). */
export interface GatewayName {
  name: string
  addresses: string[]
}

export interface GatewayFacts {
  /** MSX_GATEWAY_HOST, and the address the check connected to (loopback for 0.0.0.0 and ::) */
  listenHost: string
  probeHost: string
  port: number
  probe: GatewayProbe
  names: GatewayName[]
  pkiDir: string
}

export function isLoopback(address: string) {
  const a = address.toLowerCase()
  return a === 'localhost' || a === '::1' || a === '0:0:0:0:0:0:0:1' || /^(::ffff:)?127\./.test(a)
}

/** The first name (names before addresses) that leads other servers to something not loopback. */
function reachableName(names: GatewayName[]) {
  const usable = names.filter((n) => !isLoopback(n.name) && n.addresses.some((a) => !isLoopback(a)))
  return usable.find((n) => !isIP(n.name)) ?? usable[0]
}

const hostPort = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`

const describeName = (n: GatewayName) =>
  isIP(n.name) ? n.name : `${n.name} (${n.addresses.length ? n.addresses.join(', ') : 'does not resolve'})`

function notListening(f: GatewayFacts, at: string, probe: Exclude<GatewayProbe, { kind: 'listening' }>) {
  const freePort = `Free port ${f.port} for the gateway, or set MSX_GATEWAY_PORT to a free port, and restart the master.`
  switch (probe.kind) {
    case 'closed':
      return {
        summary: `Nothing listens on ${at} (${probe.message}).`,
        fix: `Start the master with the gateway role (MSX_ROLES includes gateway); if port ${f.port} is taken, free it or set MSX_GATEWAY_PORT to a free port.`,
      }
    case 'timeout':
      return {
        summary: `${at} did not answer within 2 s.`,
        fix: `Check that the master's gateway is running and that nothing on this server holds or blocks port ${f.port}.`,
      }
    case 'untrusted':
      return {
        summary: `${at} answers with a certificate this master's certificate authority did not sign (${probe.message}): another program holds the port.`,
        fix: freePort,
      }
    case 'expired':
      return {
        summary: `The gateway on ${at} presents an expired certificate.`,
        fix: 'Restart the master: at start it makes a new gateway certificate.',
      }
    default:
      return { summary: `${at} does not answer as the agent gateway (${probe.message}).`, fix: freePort }
  }
}

export function gatewayCheck(f: GatewayFacts): MasterCheck {
  const check = { id: 'gateway', title: 'Agent gateway' }
  const at = hostPort(f.probeHost, f.port)
  const listening = hostPort(f.listenHost, f.port)
  if (f.probe.kind !== 'listening') return { ...check, status: 'fail', ...notListening(f, at, f.probe) }
  if (!f.probe.verified)
    return {
      ...check,
      status: 'warn',
      summary: `${at} answers over TLS, but there is no certificate authority in ${f.pkiDir} to check it against.`,
      fix: 'Start the master once with this MSX_DATA_DIR: it makes its certificate authority and gateway certificate.',
    }
  const names = `Names in its certificate: ${f.names.map(describeName).join('; ') || 'none'}.`
  if (isLoopback(f.listenHost))
    return {
      ...check,
      status: 'warn',
      summary: `Listening on ${at} only: agents on other servers cannot reach it. ${names}`,
      fix: "Set MSX_GATEWAY_HOST to 0.0.0.0 (or this server's address) and restart the master.",
    }
  const reachable = reachableName(f.names)
  if (!reachable)
    return {
      ...check,
      status: 'warn',
      summary: `Listening on ${listening}, but none of the certificate's names other than loopback resolves here. ${names}`,
      fix: 'Set MSX_GATEWAY_NAMES to a name targets can resolve (such as msx01.example.com), and restart the master.',
    }
  return {
    ...check,
    status: 'pass',
    summary: `Listening on ${listening} with this master's certificate. Targets must reach ${reachable.name}:${f.port}. ${names}`,
  }
}
