// What the master says of a client certificate when msx-agent doctor asks: accepted (with what waits for the
// target), revoked (when and why) or unknown. Reads only, on indexed columns: it must change nothing.
import 'server-only'
import type { Db } from '../db/client'
import type { CertificateStanding } from '../protocol/agent-v1'
import { revokedMessage } from './agents'

const UNKNOWN_MESSAGE = 'No target server holds this certificate on the master: enlist again.'

export async function certificateStandingOf(db: Db, fingerprint: string | null): Promise<CertificateStanding> {
  if (!fingerprint) return { status: 'unknown', message: UNKNOWN_MESSAGE }
  const target = await db.targetServer.findUnique({
    where: { certFingerprint: fingerprint },
    select: { id: true, name: true },
  })
  if (target) {
    const [pendingInstructions, blocking] = await Promise.all([
      db.downloadInstruction.count({ where: { targetId: target.id, status: 0 } }),
      db.downloadInstruction.findFirst({
        where: { targetId: target.id, errorMessage: { not: null } },
        orderBy: { id: 'asc' },
        select: { id: true, errorMessage: true },
      }),
    ])
    return {
      status: 'accepted',
      targetName: target.name,
      pendingInstructions,
      blockedBy: blocking ? { id: blocking.id, errorMessage: blocking.errorMessage ?? '' } : null,
    }
  }
  const revoked = await db.revokedCertificate.findUnique({ where: { fingerprint } })
  if (revoked)
    return {
      status: 'revoked',
      targetName: revoked.targetName,
      reason: revoked.reason,
      revokedAt: revoked.revokedAt.toISOString(),
      message: revokedMessage(revoked),
    }
  return { status: 'unknown', message: UNKNOWN_MESSAGE }
}
