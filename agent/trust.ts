// How the agent trusts the master (SQL Server's MsxEncryptChannelOptions): strict (2) validates the master's
// certificate against its CA, pinned by fingerprint or given as a file; no-verify (1) encrypts without
// validating; off (0) is refused here (plain connections are not offered by the gateway).
import { X509Certificate } from 'node:crypto'
import { checkServerIdentity, connect, type DetailedPeerCertificate } from 'node:tls'
import { certificateFingerprint } from '../lib/pki/fingerprint'
import { AgentError, MasterUnreachable } from './errors'

export const ENCRYPT_MODES = ['strict', 'no-verify', 'off'] as const
export type EncryptMode = (typeof ENCRYPT_MODES)[number]

function toPem(raw: Buffer) {
  const body = raw.toString('base64').replace(/.{1,64}/g, '$&\n')
  return `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`
}

export function hostOf(url: URL) {
  return url.hostname.replace(/^\[|\]$/g, '')
}

/**
 * Connects once without sending anything, takes the CA at the top of the master's certificate chain, and
 * accepts it only when its SHA-256 fingerprint is the expected one, it signed the master's certificate, and
 * that certificate names the host the agent was given. Returns the CA to pin.
 */
export function fetchPinnedCa(masterUrl: URL, expectedFingerprint: string, timeoutMs = 10_000): Promise<string> {
  const host = hostOf(masterUrl)
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port: Number(masterUrl.port || 443),
      servername: /^[\d.]+$|:/.test(host) ? undefined : host,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    })
    const fail = (error: Error) => {
      socket.destroy()
      reject(error)
    }
    socket.once('timeout', () =>
      fail(new MasterUnreachable(`No answer from ${masterUrl.origin} within ${timeoutMs / 1000} s.`)),
    )
    socket.once('error', (error) =>
      fail(new MasterUnreachable(`Cannot reach the master at ${masterUrl.origin}: ${error.message}.`)),
    )
    socket.once('secureConnect', () => {
      const leaf = socket.getPeerCertificate(true)
      socket.end()
      const checked = checkMasterChain(masterUrl, leaf, expectedFingerprint)
      if (checked instanceof Error) return fail(checked)
      resolve(checked.caPem)
    })
  })
}

/** The CA at the top of a presented chain, and its SHA-256 fingerprint (null: no certificate). */
export function chainRoot(leaf: DetailedPeerCertificate | undefined): { caPem: string; fingerprint: string } | null {
  if (!leaf?.raw) return null
  let root: DetailedPeerCertificate = leaf
  while (root.issuerCertificate && root.issuerCertificate !== root && root.issuerCertificate.raw)
    root = root.issuerCertificate
  const caPem = toPem(root.raw)
  return { caPem, fingerprint: certificateFingerprint(caPem) }
}

/**
 * Accepts the master's chain only when its CA has the expected fingerprint, signed the master's certificate,
 * and that certificate names the host the agent was given. Returns the CA to pin, or why not.
 */
export function checkMasterChain(
  masterUrl: URL,
  leaf: DetailedPeerCertificate | undefined,
  expectedFingerprint: string,
): { caPem: string } | AgentError {
  const host = hostOf(masterUrl)
  const root = chainRoot(leaf)
  if (!leaf || !root) return new AgentError(`${masterUrl.origin} presented no certificate.`)
  const actual = root.fingerprint
  if (actual !== expectedFingerprint)
    return new AgentError(
      `The master's CA fingerprint is ${actual}, not the expected ${expectedFingerprint}: refusing to trust ${masterUrl.origin}. ` +
        'Check --ca-fingerprint against the master (its log at start, Settings, or `msx ca-fingerprint`).',
    )
  const ca = new X509Certificate(root.caPem)
  if (toPem(leaf.raw) === root.caPem || !new X509Certificate(leaf.raw).verify(ca.publicKey))
    return new AgentError(`The master's certificate is not signed by its CA ${actual}: refusing to trust it.`)
  const mismatch = checkServerIdentity(host, leaf)
  if (mismatch)
    return new AgentError(
      `The master's certificate does not name "${host}" (${mismatch.message}): connect by a name it has, or add "${host}" to MSX_GATEWAY_NAMES on the master.`,
    )
  return { caPem: root.caPem }
}

export function assertEncryptSupported(mode: EncryptMode) {
  if (mode === 'off')
    throw new AgentError(
      '--encrypt off is not offered: the gateway only speaks TLS. Use --encrypt no-verify to encrypt without validating the certificate.',
      2,
    )
}
