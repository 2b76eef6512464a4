// The master server's own row (the MSX): reading it, making it a master, dismantling it.
import 'server-only'
import { z } from 'zod'
import type { Db, Tx } from '../db/client'
import { recordAudit } from './audit'
import { noteChange } from './changes'
import { inTransaction, type MsxContext } from './context'
import { refused } from './errors'
import { clearNotificationSecrets } from './operator'
import { MASTER_VERSION } from './versions'

/** The master's one row, or null before the master's first start: every reader of it comes here. */
export function readMaster(db: Db | Tx) {
  return db.masterServer.findUnique({ where: { id: 1 } })
}

/**
 * Makes sure the master's own row exists (first start) and carries the running version; its name and the
 * rest are kept. `version` differs from MASTER_VERSION only in compatibility tests (MSX_REPORTED_VERSION).
 */
export async function ensureMaster(db: Db, name: string, version = MASTER_VERSION) {
  const existing = await readMaster(db)
  if (existing) {
    if (existing.version === version) return existing
    return db.masterServer.update({ where: { id: 1 }, data: { version } })
  }
  return db.masterServer.create({ data: { id: 1, name, version } })
}

/** Keeps the fingerprint of the master's certificate authority with the master's row (Settings shows it). */
export async function recordCaFingerprint(db: Db, caFingerprint: string) {
  await db.masterServer.update({ where: { id: 1 }, data: { caFingerprint } })
}

/** A moment as the master's sentences show it: 2026-12-02 08:51 UTC. */
export function utcMinute(at: Date) {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** The sentence every way in to a dismantled master is refused with. */
export function dismantledMessage(master: { name: string; dismantledAt: Date }) {
  return `The multiserver configuration of ${master.name} was dismantled on ${utcMinute(master.dismantledAt)}: an administrator can make it a master server again in the Master Server Wizard (/wizard).`
}

/** The master's row; refuses when the multiserver configuration is dismantled. */
export async function activeMaster(tx: Tx | Db) {
  const master = await readMaster(tx)
  if (!master) throw refused('This server is not set up as a master server yet: start the master once to create it.')
  if (master.dismantledAt) throw refused(dismantledMessage({ name: master.name, dismantledAt: master.dismantledAt }))
  return master
}

/** Dismantle and Defect all take no input: what they act on is the whole configuration. */
export const wholeConfigurationInput = z.object({})

/** At most this many remaining targets are named when a dismantle is refused. */
export const DISMANTLE_NAMES_SHOWN = 20

/** The target servers still enlisted (or defecting) that keep the master from being dismantled. */
export async function remainingTargets(db: Db | Tx) {
  const [count, first] = await Promise.all([
    db.targetServer.count(),
    db.targetServer.findMany({
      select: { name: true, state: true },
      orderBy: { nameKey: 'asc' },
      take: DISMANTLE_NAMES_SHOWN,
    }),
  ])
  return { count, first: first.map((t) => ({ name: t.name, defecting: t.state === 'DEFECTING' })) }
}

/** How many target servers Defect all would post DEFECT to: those not yet defecting. */
export function countTargetsToDefect(db: Db | Tx) {
  return db.targetServer.count({ where: { state: { not: 'DEFECTING' } } })
}

/** "3 target servers are still enlisted (A, B (defecting), C)", naming the first 20 and counting the rest. */
export function describeRemaining(remaining: Awaited<ReturnType<typeof remainingTargets>>) {
  const { count, first } = remaining
  const names = first.map((t) => (t.defecting ? `${t.name} (defecting)` : t.name))
  const more = count - first.length
  const listed = more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ')
  return `${count} target server${count === 1 ? ' is' : 's are'} still enlisted (${listed})`
}

export interface DismantleResult {
  name: string
  dismantledAt: Date
  tokensRevoked: number
  requestsRejected: number
  operatorDeleted: string | null
}

/**
 * Dismantles the multiserver configuration, refused while any target is enlisted or defecting (naming them).
 * Revokes every enlistment token, rejects the waiting enlistment requests, deletes the MSXOperator and the
 * notification secrets, and marks the master dismantled; job history, jobs and the activity log stay.
 */
export async function dismantleMaster(ctx: MsxContext): Promise<DismantleResult> {
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const remaining = await remainingTargets(tx)
    if (remaining.count > 0)
      throw refused(
        `Cannot dismantle ${master.name}: ${describeRemaining(remaining)}. Defect them first (Defect all, or msx defect --all); offline ones can be force-defected.`,
      )
    const now = new Date()
    const tokens = await tx.enlistmentToken.updateMany({ where: { revokedAt: null }, data: { revokedAt: now } })
    const dismantled = dismantledMessage({ name: master.name, dismantledAt: now })
    const requests = await tx.enlistmentRequest.updateMany({
      where: { state: 'PENDING' },
      data: { state: 'REJECTED', decidedAt: now, decidedBy: ctx.actor.name, reason: dismantled },
    })
    const operator = master.msxOperatorId
      ? await tx.operator.findUnique({ where: { id: master.msxOperatorId }, select: { id: true, name: true } })
      : null
    // the MSXOperator with its webhook secret, and the mail server with its password
    await clearNotificationSecrets(tx)
    await tx.masterServer.update({ where: { id: 1 }, data: { dismantledAt: now } })
    await noteChange(tx, ['enlistment'])
    const result: DismantleResult = {
      name: master.name,
      dismantledAt: now,
      tokensRevoked: tokens.count,
      requestsRejected: requests.count,
      operatorDeleted: operator?.name ?? null,
    }
    await recordAudit(tx, ctx.actor, {
      action: 'master.dismantle',
      objectType: 'master',
      objectName: master.name,
      details: {
        tokensRevoked: result.tokensRevoked,
        requestsRejected: result.requestsRejected,
        operatorDeleted: result.operatorDeleted,
      },
    })
    return result
  })
}

/** Makes this server a master again after a dismantle. */
export async function makeMaster(ctx: MsxContext) {
  return inTransaction(ctx, async (tx) => {
    const master = await readMaster(tx)
    if (!master) throw refused('This server is not set up as a master server yet: start the master once to create it.')
    if (!master.dismantledAt) throw refused(`${master.name} is already a master server.`)
    const updated = await tx.masterServer.update({ where: { id: 1 }, data: { dismantledAt: null } })
    await recordAudit(tx, ctx.actor, { action: 'master.make', objectType: 'master', objectName: master.name })
    return updated
  })
}
