// What target-diagnosis.ts decides from, read from the database: the target (if still enlisted), the newest
// refused request that concerns its name (as the gateway remembers them, written every few seconds), and how it
// left (the activity log) when it is no longer enlisted. Reads only.
import 'server-only'
import { config } from '../config'
import type { Db } from '../db/client'
import { join } from '../db/sql'
import { auditCondition } from './audit-filter'
import { readMaster } from './master'
import { nameKey } from './names'
import { REFUSAL_REASONS, type RefusalReason } from './refusal-reasons'
import type { DiagnosisFacts, RefusalFacts } from './target-diagnosis'
import { MASTER_VERSION } from './versions'

const LEAVING_ACTIONS: Record<string, string> = {
  'target.defect.force': 'force-defected',
  'target.delete': 'deleted',
  'target.defected': 'defected',
}

/** The activity-log entry that removed `name` (alone, or among a batch), at or before `before` when given. */
async function leaving(db: Db, name: string, before?: Date) {
  const to = before ? new Date(before.getTime() + 1000).toISOString() : undefined
  const [event] = await db.$queryRaw<{ at: Date | string; actor: string; action: string }[]>`
    SELECT at, actor, action FROM audit_events
    WHERE action IN (${join(Object.keys(LEAVING_ACTIONS))}) AND result = 'success' AND ${auditCondition(db, { target: name, to })}
    ORDER BY at DESC, id DESC LIMIT 1`
  return event
    ? { at: new Date(event.at).toISOString(), by: event.actor, how: LEAVING_ACTIONS[event.action] ?? event.action }
    : null
}

async function newestRefusal(db: Db, name: string, targetId: number | null): Promise<RefusalFacts | null> {
  const row = await db.refusedRequest.findFirst({
    where: { OR: [{ nameKey: nameKey(name) }, ...(targetId === null ? [] : [{ targetId }])] },
    orderBy: { lastAt: 'desc' },
  })
  if (!row) return null
  const revokedRow =
    row.reason === 'certificate_revoked'
      ? await db.revokedCertificate.findUnique({ where: { fingerprint: row.fingerprint } })
      : null
  const revokedBy = revokedRow ? await leaving(db, revokedRow.targetName, revokedRow.revokedAt) : null
  return {
    reason: (REFUSAL_REASONS as readonly string[]).includes(row.reason) ? (row.reason as RefusalReason) : 'bad_request',
    message: row.message,
    address: row.address,
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
    count: row.count,
    agentVersion: row.agentVersion,
    revoked: revokedRow ? { at: revokedRow.revokedAt.toISOString(), by: revokedBy?.by ?? null } : null,
  }
}

async function targetFacts(db: Db, name: string) {
  const target = await db.targetServer.findUnique({ where: { nameKey: nameKey(name) } })
  if (!target) return null
  const [pendingInstructions, blocking] = await Promise.all([
    db.downloadInstruction.count({ where: { targetId: target.id, status: 0 } }),
    db.downloadInstruction.findFirst({
      where: { targetId: target.id, errorMessage: { not: null } },
      orderBy: { id: 'asc' },
      select: { id: true, errorMessage: true },
    }),
  ])
  return {
    id: target.id,
    name: target.name,
    facts: {
      state: target.state,
      enlistedAt: target.enlistedAt.toISOString(),
      lastPollAt: target.lastPollAt?.toISOString() ?? null,
      lastPollAddress: target.lastPollAddress,
      pollIntervalSeconds: target.pollIntervalSeconds,
      agentVersion: target.agentVersion,
      pendingInstructions,
      blockedBy: blocking ? { id: blocking.id, errorMessage: blocking.errorMessage ?? '' } : null,
    },
  }
}

/** The facts that say why `name` does (not) download, whether or not it is still enlisted. */
export async function diagnosisFacts(db: Db, name: string): Promise<DiagnosisFacts> {
  const [master, target] = await Promise.all([readMaster(db), targetFacts(db, name)])
  const settings = config()
  const gatewayHost = settings.gatewayNames[0] ?? master?.name ?? 'MASTER'
  const [refusal, defection] = await Promise.all([
    newestRefusal(db, name, target?.id ?? null),
    target ? null : leaving(db, name),
  ])
  return {
    name: target?.name ?? name,
    masterVersion: master?.version ?? MASTER_VERSION,
    gatewayAddress: `${gatewayHost}:${settings.gatewayPort}`,
    target: target?.facts ?? null,
    refusal,
    defection,
  }
}
