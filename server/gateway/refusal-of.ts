// Which refusals the gateway remembers, and under which certificate: requests that present a client certificate
// and are refused (the enlistment routes and doctor's hello are the agent's own to report).
import type http from 'node:http'
import type { TLSSocket } from 'node:tls'
import { isMsxError } from '../../lib/msx/errors'
import type { RefusalReason } from '../../lib/msx/refusal-reasons'
import { Refusal } from '../http-json'
import { peerFingerprint } from './peer'
import type { PollHub } from './poll-hub'
import type { Refused } from './refusal-memory'
import { VersionRefusal } from './version-check'

const NOT_REMEMBERED = new Set(['/agent/v1/enlist', '/agent/v1/enlist/status', '/agent/v1/hello'])
const MAX_SUBJECT_LENGTH = 128

function subjectOf(socket: TLSSocket): string | null {
  const cn = socket.getPeerCertificate()?.subject?.CN
  const text = Array.isArray(cn) ? cn[0] : cn
  return text ? text.slice(0, MAX_SUBJECT_LENGTH) : null
}

/** The refusal to remember for this request, or null when it is not one the diagnosis uses. */
export function refusalOf(req: http.IncomingMessage, path: string, error: unknown, hub: PollHub): Refused | null {
  if (NOT_REMEMBERED.has(path) || !(error instanceof Refusal || isMsxError(error))) return null
  const socket = req.socket as TLSSocket
  const fingerprint = peerFingerprint(socket)
  if (!fingerprint) return null
  const subject = subjectOf(socket)
  const refused = {
    fingerprint,
    subject,
    address: req.socket.remoteAddress ?? '',
    message: (error as Error).message,
    agentVersion: error instanceof VersionRefusal ? error.agentVersion : null,
  }
  const identity = socket.authorized ? hub.knownIdentity(fingerprint) : undefined
  if (identity?.kind === 'target') {
    const reason: RefusalReason = error instanceof VersionRefusal ? 'version_refused' : 'bad_request'
    return { ...refused, reason, targetId: identity.target.id, targetName: identity.target.name }
  }
  if (identity?.kind === 'revoked')
    return { ...refused, reason: 'certificate_revoked', targetId: null, targetName: identity.targetName }
  // only this master's CA vouches for a subject: anyone can present a certificate that names SQL01
  return { ...refused, reason: 'certificate_unknown', targetId: null, targetName: socket.authorized ? subject : null }
}
