// Per-connection facts the poll path needs on every request, worked out once per TLS connection: reading the
// peer certificate builds a new object from the X.509 each time (a fifth of an empty poll's cost).
import type { TLSSocket } from 'node:tls'
import { fromNodeFingerprint } from '../../lib/pki/fingerprint'

const fingerprints = new WeakMap<TLSSocket, string | null>()

/**
 * The SHA-256 fingerprint of the client certificate on this connection, or null without one. Cached for the
 * connection's life: the gateway disables renegotiation, so the certificate cannot change under it.
 */
export function peerFingerprint(socket: TLSSocket): string | null {
  let fingerprint = fingerprints.get(socket)
  if (fingerprint === undefined) {
    const certificate = socket.getPeerCertificate()
    fingerprint = certificate?.fingerprint256 ? fromNodeFingerprint(certificate.fingerprint256) : null
    fingerprints.set(socket, fingerprint)
  }
  return fingerprint
}
