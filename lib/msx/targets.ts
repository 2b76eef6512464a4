// Enlisting and defecting target servers (sp_msx_enlist, sp_msx_defect, sp_delete_targetserver).
import 'server-only'
import { z } from 'zod'
import type { Tx } from '../db/client'
import { join, timestamp } from '../db/sql'
import { recordAudit, summarizeNames, targetNamesBeyondSummary } from './audit'
import { type Actor, inTransaction, type MsxContext } from './context'
import { postInstructions } from './download-list'
import { conflict, notFound, parseOrInvalid, refused } from './errors'
import { activeMaster } from './master'
import { nameKey, serverName } from './names'
import { pollIntervalSeconds } from './operations'
import { signalTargets } from './signals'
import { suspectOfflineAt } from './status'
import { inTargetBatches, lockHoldings, onlyResult } from './target-batches'
import { assertAgentVersionAccepted } from './versions'

export const ENCRYPTION_MODES = ['strict', 'no-verify', 'off'] as const

/** Where a target server is, as its administrators describe it (SSMS's Location). */
export const targetLocation = z.string().trim().max(200, 'A location has at most 200 characters: shorten it.')

export const enlistmentInput = z.object({
  name: serverName,
  location: targetLocation.default(''),
  timeZoneOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .default(0),
  agentVersion: z.string().trim().min(1, 'The agent version is required.'),
  runAsAccount: z.string().trim().max(200).optional(),
  encryptionMode: z.enum(ENCRYPTION_MODES).default('strict'),
  certFingerprint: z.string().optional(),
  /** SHA-256 of the agent's public key (of its certificate request) */
  keyFingerprint: z.string().optional(),
  pollIntervalSeconds: pollIntervalSeconds.optional(),
  /** the master the agent says it is enlisted into already, if any */
  currentMaster: z.string().optional(),
  /** PENDING: approved on the master, certificate not collected yet */
  state: z.enum(['ENLISTED', 'PENDING']).default('ENLISTED'),
})
export type EnlistmentInput = z.input<typeof enlistmentInput>
type EnlistmentOutput = z.output<typeof enlistmentInput>

/** Checks the enlistment rules; used before approval too, so a request that cannot succeed is refused early. */
export async function assertCanEnlist(tx: Tx, input: EnlistmentOutput) {
  const master = await assertCanAskToEnlist(tx, input)
  assertAgentVersionAccepted(input.agentVersion, master.version, input.name)
  return master
}

/**
 * The rules a request without a token must pass to be filed at all. Its version is not among them: an agent
 * outside the accepted window waits as a request, so an administrator sees it and why it cannot be enlisted.
 */
export async function assertCanAskToEnlist(
  tx: Tx,
  input: Pick<EnlistmentOutput, 'name' | 'currentMaster' | 'keyFingerprint'>,
) {
  const master = await activeMaster(tx)
  if (input.currentMaster && nameKey(input.currentMaster) !== nameKey(master.name))
    throw refused(`${input.name} is already enlisted into master ${input.currentMaster}: defect it first.`)
  if (input.keyFingerprint) await assertNotRenaming(tx, input.name, input.keyFingerprint)
  const existing = await tx.targetServer.findUnique({ where: { nameKey: nameKey(input.name) } })
  if (existing) throw conflict(`${existing.name} is already enlisted into master ${master.name}: defect it first.`)
  return master
}

/**
 * A target's name is fixed while it is enlisted: the same key (the same server) asking to enlist under another
 * name is refused, saying how to rename it.
 */
async function assertNotRenaming(tx: Tx, name: string, keyFingerprint: string) {
  const same = await tx.targetServer.findFirst({
    where: { keyFingerprint, nameKey: { not: nameKey(name) } },
    select: { name: true },
  })
  if (same)
    throw refused(
      `This server is enlisted as ${same.name}. A target server's name is fixed while it is enlisted: defect ${same.name} (msx-agent defect), rename the server, then enlist it again as ${name}.`,
    )
}

/** Enlists a target server into this master (sp_msx_enlist). */
export async function enlistTarget(ctx: MsxContext, rawInput: EnlistmentInput) {
  const input = parse(rawInput)
  return inTransaction(ctx, (tx) => enlistInTransaction(tx, ctx.actor, input))
}

export async function enlistInTransaction(tx: Tx, actor: Actor, input: EnlistmentOutput) {
  const master = await assertCanEnlist(tx, input)
  const now = new Date()
  const pollIntervalSeconds = input.pollIntervalSeconds ?? master.defaultPollIntervalSeconds
  const target = await tx.targetServer.create({
    data: {
      name: input.name,
      nameKey: nameKey(input.name),
      location: input.location,
      timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
      state: input.state,
      enlistedAt: now,
      enlistedBy: actor.name,
      pollIntervalSeconds,
      suspectOfflineAt: suspectOfflineAt(now, pollIntervalSeconds),
      agentVersion: input.agentVersion,
      runAsAccount: input.runAsAccount ?? null,
      encryptionMode: input.encryptionMode,
      certFingerprint: input.certFingerprint ?? null,
      keyFingerprint: input.keyFingerprint ?? null,
    },
  })
  await recordAudit(tx, actor, {
    action: 'target.enlist',
    objectType: 'target',
    objectName: target.name,
    details: { location: target.location, agentVersion: target.agentVersion },
  })
  return target
}

function parse(rawInput: EnlistmentInput) {
  return parseOrInvalid(enlistmentInput, rawInput, ' ')
}

export async function findTarget(tx: Tx, name: string) {
  const target = await tx.targetServer.findUnique({ where: { nameKey: nameKey(name) } })
  if (!target) throw notFound(`No target server is named "${name}".`)
  return target
}

/**
 * Defects a target. Graceful: posts DEFECT; the target leaves at its next poll. Forced: removes it at once
 * (its download list cleared) and revokes its certificate, for a target that cannot be reached.
 */
export async function defectTarget(ctx: MsxContext, name: string, options: { force?: boolean } = {}) {
  const target = onlyResult(await defectTargets(ctx, [name], options))
  return { target, removed: Boolean(options.force) }
}

/**
 * Defects many targets, a batch per transaction with one activity-log entry each. A target already defecting is
 * refused for a graceful defection, without holding back the others.
 */
export async function defectTargets(ctx: MsxContext, names: string[], options: { force?: boolean } = {}) {
  return inTargetBatches(ctx, names, async (tx, targets) => {
    if (options.force) {
      await removeTargets(tx, targets, { clearDownloadList: true, revokeReason: 'force-defected on the master' })
      await recordBatchAudit(tx, ctx.actor, 'target.defect.force', targets)
      return { done: targets, refused: [] }
    }
    const defecting = targets.filter((t) => t.state === 'DEFECTING')
    const leaving = targets.filter((t) => t.state !== 'DEFECTING')
    const refusals = defecting.map((t) => ({ name: t.name, error: refused(`${t.name} is already defecting.`) }))
    if (leaving.length === 0) return { done: [], refused: refusals }
    const master = await activeMaster(tx)
    await postInstructions(tx, master.name, { operation: 'DEFECT', objectType: 'SERVER' }, leaving)
    await tx.targetServer.updateMany({ where: { id: { in: leaving.map((t) => t.id) } }, data: { state: 'DEFECTING' } })
    await recordBatchAudit(tx, ctx.actor, 'target.defect', leaving)
    return { done: leaving, refused: refusals }
  })
}

/** One activity-log entry for a batch: its first names, and every name in its details when there are more. */
async function recordBatchAudit(tx: Tx, actor: Actor, action: string, targets: { name: string }[]) {
  const names = targets.map((t) => t.name)
  await recordAudit(tx, actor, {
    action,
    objectType: 'target',
    objectName: summarizeNames(names),
    ...(names.length > 1 ? { details: { count: names.length, targetNames: targetNamesBeyondSummary(names) } } : {}),
  })
}

/**
 * Defect all: posts DEFECT to every target server not yet defecting, in one transaction with one activity-log
 * entry. Each agent removes its jobs and stops; its target leaves the list as it does so.
 */
export async function defectAllTargets(ctx: MsxContext) {
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const targets = await tx.targetServer.findMany({
      where: { state: { not: 'DEFECTING' } },
      select: { id: true, name: true },
      orderBy: { nameKey: 'asc' },
    })
    if (targets.length === 0) {
      const defecting = await tx.targetServer.count()
      throw refused(
        defecting === 0
          ? `No target server is enlisted into ${master.name}: there is nothing to defect.`
          : `Every target server of ${master.name} is already defecting: each leaves when its agent next polls, or force-defect the ones that are offline.`,
      )
    }
    const names = targets.map((t) => t.name)
    await postInstructions(tx, master.name, { operation: 'DEFECT', objectType: 'SERVER' }, targets)
    await tx.targetServer.updateMany({ where: { id: { in: targets.map((t) => t.id) } }, data: { state: 'DEFECTING' } })
    await recordAudit(tx, ctx.actor, {
      action: 'target.defect.all',
      objectType: 'target',
      objectName: summarizeNames(names),
      details: { count: targets.length, targetNames: targetNamesBeyondSummary(names) },
    })
    return { count: targets.length, targets: names }
  })
}

/** Completes a defection the target itself carried out (it downloaded DEFECT, or defected on its own). */
export async function completeDefection(tx: Tx, targetId: number) {
  const target = await tx.targetServer.findUnique({ where: { id: targetId } })
  if (!target) return
  await removeTargets(tx, [target], { clearDownloadList: true, revokeReason: 'defected' })
  await recordAudit(
    tx,
    { name: `agent:${target.name}` },
    {
      action: 'target.defected',
      objectType: 'target',
      objectName: target.name,
    },
  )
}

/** Deletes a target server's record (sp_delete_targetserver), with or without clearing its download list. */
export async function deleteTargetServer(ctx: MsxContext, name: string, options: { clearDownloadList: boolean }) {
  return inTransaction(ctx, async (tx) => {
    const target = await findTarget(tx, name)
    await removeTargets(tx, [target], {
      clearDownloadList: options.clearDownloadList,
      revokeReason: 'deleted on the master',
    })
    await recordAudit(tx, ctx.actor, {
      action: 'target.delete',
      objectType: 'target',
      objectName: target.name,
      details: { clearDownloadList: options.clearDownloadList },
    })
    return target
  })
}

type RemovedTarget = { id: number; name: string; certFingerprint: string | null }

/** Removes targets (at most a batch of them) in a few statements, their certificates revoked. */
async function removeTargets(
  tx: Tx,
  targets: RemovedTarget[],
  options: { clearDownloadList: boolean; revokeReason: string },
) {
  const ids = targets.map((t) => t.id)
  if (options.clearDownloadList) await tx.downloadInstruction.deleteMany({ where: { targetId: { in: ids } } })
  // INSERT ... SELECT: Prisma's createMany writes such rows one by one
  await tx.$executeRaw`
    INSERT INTO revoked_certificates (fingerprint, target_name, reason, revoked_at)
    SELECT t.cert_fingerprint, t.name, ${options.revokeReason}, ${timestamp(tx, new Date())} FROM target_servers t
    WHERE t.id IN (${join(ids)}) AND t.cert_fingerprint IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM revoked_certificates r WHERE r.fingerprint = t.cert_fingerprint)`
  // the gateway drops what it holds for the target, so its next request is refused at once
  await signalTargets(tx, ids, 'removed')
  // its job holdings first, in job order (their summaries follow), then the target; group memberships go with it
  // (cascade); a kept download list keeps the target's name
  await lockHoldings(tx, ids)
  await tx.jobServer.deleteMany({ where: { targetId: { in: ids } } })
  await tx.targetServer.deleteMany({ where: { id: { in: ids } } })
}

/** Changes where a target server is described to be; its name is fixed while it is enlisted. */
export async function updateTargetLocation(ctx: MsxContext, name: string, location: string) {
  const trimmed = parseOrInvalid(targetLocation, location)
  return inTransaction(ctx, async (tx) => {
    const target = await findTarget(tx, name)
    const updated = await tx.targetServer.update({ where: { id: target.id }, data: { location: trimmed } })
    await recordAudit(tx, ctx.actor, {
      action: 'target.update',
      objectType: 'target',
      objectName: target.name,
      details: { location: { from: target.location, to: trimmed } },
    })
    return updated
  })
}
