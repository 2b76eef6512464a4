// The agent's side of the model: enlisting with a token or by request, being recognized by its certificate,
// re-enlisting, and defecting on its own. The gateway calls these; it implements no rule itself.
import 'server-only'
import type { Db } from '../db/client'
import { chunks } from '../db/sql'
import { recordAudit } from './audit'
import { type Actor, transaction } from './context'
import { consumeEnlistmentToken } from './enlistment-tokens'
import { parseOrInvalid, refused } from './errors'
import { activeMaster } from './master'
import { nameKey } from './names'
import { suspectOfflineAt } from './status'
import { completeDefection, type EnlistmentInput, enlistInTransaction, enlistmentInput } from './targets'
import { assertAgentVersionAccepted } from './versions'

export const agentActor = (name: string, address?: string): Actor => ({ name: `agent:${name}`, address })

export interface SignedCertificate {
  certificatePem: string
  fingerprint: string
}

/** Enlists at once with a valid token; the certificate (already signed for the agent's key) is recorded. */
export async function enlistWithToken(
  db: Db,
  rawInput: EnlistmentInput & { token: string; keyFingerprint: string },
  certificate: SignedCertificate,
  address: string,
) {
  const input = parseOrInvalid(enlistmentInput, rawInput, ' ')
  return transaction(db, async (tx) => {
    await activeMaster(tx) // a dismantled master says so, rather than that the token was revoked
    await consumeEnlistmentToken(tx, rawInput.token)
    return enlistInTransaction(tx, agentActor(input.name, address), {
      ...input,
      state: 'ENLISTED',
      certFingerprint: certificate.fingerprint,
    })
  })
}

export type RequestState =
  | { status: 'pending' }
  | { status: 'rejected'; reason: string }
  | { status: 'approved'; targetId: number; csrPem: string; name: string }
  | { status: 'unknown' }

/** Where an agent's request to enlist stands, found by its name and key. */
export async function enlistmentRequestState(db: Db, name: string, keyFingerprint: string): Promise<RequestState> {
  const request = await db.enlistmentRequest.findFirst({
    where: { nameKey: nameKey(name), keyFingerprint },
    orderBy: { id: 'desc' },
  })
  if (!request) return { status: 'unknown' }
  if (request.state === 'PENDING') return { status: 'pending' }
  if (request.state === 'REJECTED')
    return { status: 'rejected', reason: request.reason ?? 'The request was rejected on the master.' }
  const target = await db.targetServer.findUnique({ where: { nameKey: request.nameKey } })
  if (target?.state !== 'PENDING') return { status: 'unknown' }
  return { status: 'approved', targetId: target.id, csrPem: request.csrPem, name: target.name }
}

/** An approved target collects its certificate: from now on it is enlisted and polls with it. */
export async function recordCollectedCertificate(
  db: Db,
  targetId: number,
  certificate: SignedCertificate,
  address: string,
) {
  return transaction(db, async (tx) => {
    const target = await tx.targetServer.update({
      where: { id: targetId },
      data: { state: 'ENLISTED', certFingerprint: certificate.fingerprint },
    })
    await recordAudit(tx, agentActor(target.name, address), {
      action: 'target.certificate',
      objectType: 'target',
      objectName: target.name,
      details: { fingerprint: certificate.fingerprint },
    })
    return target
  })
}

export type AgentIdentity =
  | { kind: 'target'; target: { id: number; name: string; pollIntervalSeconds: number } }
  | { kind: 'revoked'; reason: string; targetName: string }
  | { kind: 'unknown' }

/** Prisma refuses a query with more than 999 bound values on SQLite. */
const FINGERPRINTS_PER_QUERY = 900

/**
 * Who presents each client certificate: an enlisted target, a revoked one (and why), or nobody known; in two
 * queries per 900 certificates (the first polls after the gateway starts come in thousands).
 */
export async function identifyAgents(db: Db, fingerprints: string[]): Promise<Map<string, AgentIdentity>> {
  const identities = new Map<string, AgentIdentity>()
  for (const part of chunks([...new Set(fingerprints)], FINGERPRINTS_PER_QUERY)) {
    const targets = await db.targetServer.findMany({
      where: { certFingerprint: { in: part } },
      select: { id: true, name: true, pollIntervalSeconds: true, certFingerprint: true },
    })
    for (const { certFingerprint, ...target } of targets)
      if (certFingerprint) identities.set(certFingerprint, { kind: 'target', target })
    const unheld = part.filter((fingerprint) => !identities.has(fingerprint))
    if (unheld.length === 0) continue
    const revoked = await db.revokedCertificate.findMany({ where: { fingerprint: { in: unheld } } })
    for (const row of revoked)
      identities.set(row.fingerprint, { kind: 'revoked', reason: row.reason, targetName: row.targetName })
    for (const fingerprint of unheld) if (!identities.has(fingerprint)) identities.set(fingerprint, { kind: 'unknown' })
  }
  return identities
}

/** The sentence an agent with a revoked certificate is refused with. */
export function revokedMessage(identity: { reason: string; targetName: string }) {
  return `${identity.targetName} is no longer enlisted: it was ${identity.reason}. Run \`msx-agent defect --force\` on the target, then enlist it again.`
}

/** Every poll checks the agent's version against the master's. */
export async function assertPollingVersion(db: Db, agentVersion: string) {
  const master = await activeMaster(db)
  assertAgentVersionAccepted(agentVersion, master.version)
}

export interface ReenlistInfo {
  location: string
  timeZoneOffsetMinutes: number
  agentVersion: string
  runAsAccount?: string
  pollIntervalSeconds: number
}

/** RE-ENLIST: the target sends its enlistment information again; the master takes it as it is now. */
export async function reenlistTarget(db: Db, targetId: number, info: ReenlistInfo, address: string) {
  return transaction(db, async (tx) => {
    const master = await activeMaster(tx)
    assertAgentVersionAccepted(info.agentVersion, master.version)
    const target = await tx.targetServer.findUnique({ where: { id: targetId } })
    if (!target) throw refused('This target is no longer enlisted.')
    const updated = await tx.targetServer.update({
      where: { id: targetId },
      data: {
        location: info.location,
        timeZoneOffsetMinutes: info.timeZoneOffsetMinutes,
        agentVersion: info.agentVersion,
        runAsAccount: info.runAsAccount ?? null,
        pollIntervalSeconds: info.pollIntervalSeconds,
        suspectOfflineAt: suspectOfflineAt(target.lastPollAt ?? new Date(), info.pollIntervalSeconds),
      },
    })
    await recordAudit(tx, agentActor(target.name, address), {
      action: 'target.reenlist',
      objectType: 'target',
      objectName: target.name,
      details: {
        location: info.location,
        agentVersion: info.agentVersion,
        pollIntervalSeconds: info.pollIntervalSeconds,
      },
    })
    return updated
  })
}

/** The target defected on its own (msx-agent defect): the master removes it and revokes its certificate. */
export async function defectFromAgent(db: Db, targetId: number) {
  await transaction(db, (tx) => completeDefection(tx, targetId))
}
