// Refused agent requests are recorded in batches, like polls: the gateway counts them in memory and hands the
// last refusal of each client certificate to recordRefusals every few seconds, so a refusal costs no write.
import 'server-only'
import type { Db } from '../db/client'
import { chunks } from '../db/sql'
import { transaction } from './context'
import { nameKey } from './names'
import type { RefusalReason } from './refusal-reasons'

export interface RefusalReport {
  fingerprint: string
  /** the certificate's subject common name, as the certificate says it */
  subject: string | null
  /** the enlisted target holding the certificate */
  targetId: number | null
  /** the target the certificate belongs or belonged to, or the name its subject gives */
  targetName: string | null
  reason: RefusalReason
  message: string
  address: string
  agentVersion: string | null
  firstAt: Date
  lastAt: Date
  /** refusals since the last batch */
  count: number
}

/** Refusals are kept this long after the last one. */
export const REFUSALS_KEPT_DAYS = 30
/** Certificates no target holds, from anywhere: only the newest this many are kept. */
export const UNKNOWN_CERTIFICATES_KEPT = 1000

export async function recordRefusals(db: Db, reports: RefusalReport[]) {
  if (reports.length === 0) return
  await transaction(db, async (tx) => {
    for (const part of chunks(reports, 500)) {
      // a target deleted since its request was refused is no longer linked
      const ids = [...new Set(part.flatMap((r) => (r.targetId === null ? [] : [r.targetId])))]
      const existing = new Set(
        ids.length === 0
          ? []
          : (await tx.targetServer.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((t) => t.id),
      )
      for (const r of part) {
        const last = {
          subject: r.subject,
          targetName: r.targetName,
          nameKey: r.targetName === null ? null : nameKey(r.targetName),
          targetId: r.targetId !== null && existing.has(r.targetId) ? r.targetId : null,
          reason: r.reason,
          message: r.message,
          address: r.address,
          agentVersion: r.agentVersion,
          lastAt: r.lastAt,
        }
        await tx.refusedRequest.upsert({
          where: { fingerprint: r.fingerprint },
          create: { fingerprint: r.fingerprint, ...last, firstAt: r.firstAt, count: r.count },
          update: { ...last, count: { increment: r.count } },
        })
      }
    }
  })
}

/** Drops refusals older than they are kept, and all but the newest of the certificates no target holds. */
export async function pruneRefusals(db: Db, now = new Date()) {
  const before = new Date(now.getTime() - REFUSALS_KEPT_DAYS * 86_400_000)
  await db.refusedRequest.deleteMany({ where: { lastAt: { lt: before } } })
  const unknown = { reason: 'certificate_unknown', targetId: null }
  const oldestKept = await db.refusedRequest.findFirst({
    where: unknown,
    orderBy: [{ lastAt: 'desc' }, { id: 'desc' }],
    skip: UNKNOWN_CERTIFICATES_KEPT - 1,
    select: { lastAt: true },
  })
  if (oldestKept) await db.refusedRequest.deleteMany({ where: { ...unknown, lastAt: { lt: oldestKept.lastAt } } })
}
