// The master server's own row (the MSX): reading it, making it a master, dismantling it.
import 'server-only'
import type { Db, Tx } from '../db/client'
import { recordAudit, summarizeNames } from './audit'
import { inTransaction, type MsxContext } from './context'
import { refused } from './errors'
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

/** The master's row; refuses when the multiserver configuration is dismantled. */
export async function activeMaster(tx: Tx | Db) {
  const master = await readMaster(tx)
  if (!master) throw refused('This server is not set up as a master server yet: start the master once to create it.')
  if (master.dismantledAt)
    throw refused(
      `The multiserver configuration of ${master.name} was dismantled on ${master.dismantledAt.toISOString()}: make it a master server again first.`,
    )
  return master
}

/** Dismantles the multiserver configuration; refused while any target is enlisted, naming them. */
export async function dismantleMaster(ctx: MsxContext) {
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const enlisted = await tx.targetServer.findMany({ select: { name: true }, orderBy: { nameKey: 'asc' }, take: 11 })
    if (enlisted.length > 0) {
      const count = await tx.targetServer.count()
      throw refused(
        `Cannot dismantle ${master.name}: ${count} target server${count === 1 ? ' is' : 's are'} still enlisted (${summarizeNames(
          enlisted.map((t) => t.name),
          10,
        )}). Defect them first.`,
      )
    }
    const updated = await tx.masterServer.update({ where: { id: 1 }, data: { dismantledAt: new Date() } })
    await recordAudit(tx, ctx.actor, { action: 'master.dismantle', objectType: 'master', objectName: master.name })
    return updated
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
