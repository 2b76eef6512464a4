// What the gateway check learns from the network: a TLS connection to the gateway, and what each of its
// certificate's names resolves to on this server.
import 'server-only'
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { connect } from 'node:tls'
import type { GatewayName, GatewayProbe } from './master-checks-gateway'

/** Connects to the gateway and checks its certificate chain against the master's own CA (when there is one). */
export function probeGateway(host: string, port: number, caPem: string | null, timeoutMs: number) {
  return new Promise<{ probe: GatewayProbe; subjectAltName?: string }>((resolve) => {
    const socket = connect({
      host,
      port,
      ca: caPem ?? undefined,
      rejectUnauthorized: caPem !== null,
      // the chain is what proves it is this master; which names targets can use is judged separately
      checkServerIdentity: () => undefined,
      timeout: timeoutMs,
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve({ probe: { kind: 'timeout', message: `no answer within ${timeoutMs} ms` } })
    })
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy()
      resolve({ probe: failure(error) })
    })
    socket.once('secureConnect', () => {
      const subjectAltName = socket.getPeerCertificate().subjectaltname
      socket.destroy()
      resolve({ probe: { kind: 'listening', verified: caPem !== null }, subjectAltName })
    })
  })
}

function failure(error: NodeJS.ErrnoException): GatewayProbe {
  const code = error.code ?? ''
  const message = code ? `${code}: ${error.message}` : error.message
  if (code === 'ECONNREFUSED') return { kind: 'closed', message }
  if (code === 'ETIMEDOUT') return { kind: 'timeout', message }
  if (code === 'CERT_HAS_EXPIRED') return { kind: 'expired', message }
  if (/CERT|SIGNATURE|ISSUER/.test(code)) return { kind: 'untrusted', message }
  return { kind: 'error', message }
}

/** The names of a subjectAltName ("DNS:a, IP Address:10.0.0.5"), as written in the certificate. */
export function subjectAltNames(subjectAltName: string | undefined): string[] {
  return (subjectAltName ?? '')
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, '').trim())
    .filter(Boolean)
    .map(shortIPv6)
}

/** Node spells IPv6 names in full ("0:0:0:0:0:0:0:1"); people and targets write them short ("::1"). */
function shortIPv6(name: string) {
  return isIP(name) === 6 ? new URL(`http://[${name}]`).hostname.slice(1, -1) : name
}

/** Resolves each name as a target on this network would (getaddrinfo); an unresolvable name has no addresses. */
export function resolveNames(names: string[], timeoutMs: number): Promise<GatewayName[]> {
  return Promise.all(
    names.map(async (name) => {
      if (isIP(name)) return { name, addresses: [name] }
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<[]>((resolve) => {
        timer = setTimeout(() => resolve([]), timeoutMs)
      })
      try {
        const found = await Promise.race([lookup(name, { all: true }).then((all) => all.map((a) => a.address)), late])
        return { name, addresses: [...new Set(found)] }
      } catch {
        return { name, addresses: [] }
      } finally {
        clearTimeout(timer)
      }
    }),
  )
}
