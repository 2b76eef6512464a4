// Targets asking to enlist without a token wait as requests until an administrator enlists or rejects them.
import 'server-only'
import { z } from 'zod'
import type { Db, Tx } from '../db/client'
import { recordAudit, summarizeNames, targetNamesBeyondSummary } from './audit'
import { inTransaction, type MsxContext, transaction } from './context'
import { conflict, invalid, notFound, parseOrInvalid } from './errors'
import { nameKey } from './names'
import { assertCanAskToEnlist, ENCRYPTION_MODES, enlistInTransaction, enlistmentInput } from './targets'

export const enlistmentRequestInput = enlistmentInput
  .pick({
    name: true,
    location: true,
    timeZoneOffsetMinutes: true,
    agentVersion: true,
    runAsAccount: true,
    encryptionMode: true,
    currentMaster: true,
  })
  .extend({
    /** the agent's clock minus the master's when it asked; null when it did not send its clock */
    clockSkewMs: z.number().int().nullable().default(null),
    keyFingerprint: z.string().min(16, 'The key fingerprint is required.').max(200),
    csrPem: z.string().max(20_000).default(''),
    sourceAddress: z.string().max(100).default(''),
  })
export type EnlistmentRequestInput = z.input<typeof enlistmentRequestInput>

/**
 * Files a request (or refreshes the one already waiting from the same key with what the agent reports now).
 * Refused at once when it could never be approved: a name already enlisted, another master, a renaming key.
 * A version outside the accepted window is filed all the same: the administrator sees it and why it cannot be
 * enlisted (approving it is refused), and the agent, once upgraded, asks again with the same key.
 */
export async function submitEnlistmentRequest(db: Db, rawInput: EnlistmentRequestInput) {
  const input = parseOrInvalid(enlistmentRequestInput, rawInput, ' ')
  return transaction(db, async (tx) => {
    await assertCanAskToEnlist(tx, input)
    const reported = {
      location: input.location,
      timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
      agentVersion: input.agentVersion,
      runAsAccount: input.runAsAccount ?? null,
      encryptionMode: input.encryptionMode,
      clockSkewMs: input.clockSkewMs,
    }
    const waiting = await tx.enlistmentRequest.findFirst({ where: { nameKey: nameKey(input.name), state: 'PENDING' } })
    if (waiting) {
      if (waiting.keyFingerprint === input.keyFingerprint)
        return tx.enlistmentRequest.update({ where: { id: waiting.id }, data: reported })
      throw conflict(
        `A request to enlist ${waiting.name} from another key is already waiting for approval: reject it on the master, or use another name.`,
      )
    }
    const request = await tx.enlistmentRequest.create({
      data: {
        name: input.name,
        nameKey: nameKey(input.name),
        ...reported,
        keyFingerprint: input.keyFingerprint,
        csrPem: input.csrPem,
        sourceAddress: input.sourceAddress,
      },
    })
    await recordAudit(
      tx,
      { name: `agent:${input.name}`, address: input.sourceAddress },
      {
        action: 'enlistment.request',
        objectType: 'target',
        objectName: input.name,
        details: { location: input.location, agentVersion: input.agentVersion, keyFingerprint: input.keyFingerprint },
      },
    )
    return request
  })
}

type EncryptionMode = (typeof ENCRYPTION_MODES)[number]

// the column holds what the protocol's enum allowed; anything else would be an older row, taken as the default
function encryptionModeOf(stored: string): EncryptionMode {
  return (ENCRYPTION_MODES as readonly string[]).includes(stored) ? (stored as EncryptionMode) : 'strict'
}

async function pendingRequests(tx: Tx, names: string[]) {
  if (names.length === 0) throw invalid('Choose at least one enlistment request.')
  const keys = names.map(nameKey)
  const requests = await tx.enlistmentRequest.findMany({ where: { nameKey: { in: keys }, state: 'PENDING' } })
  const found = new Set(requests.map((r) => r.nameKey))
  const missing = names.filter((n) => !found.has(nameKey(n)))
  if (missing.length > 0)
    throw notFound(`No enlistment request is waiting for ${missing.map((n) => `"${n}"`).join(', ')}.`)
  return requests
}

/**
 * Enlists the targets of waiting requests. Each becomes a target in "Pending enlistment" until its agent
 * collects its certificate. All or nothing: one that breaks a rule is refused with its reason.
 */
export async function approveEnlistmentRequests(ctx: MsxContext, names: string[]) {
  return inTransaction(ctx, async (tx) => {
    const requests = await pendingRequests(tx, names)
    const targets = []
    for (const request of requests) {
      const target = await enlistInTransaction(tx, ctx.actor, {
        name: request.name,
        location: request.location,
        timeZoneOffsetMinutes: request.timeZoneOffsetMinutes,
        agentVersion: request.agentVersion,
        runAsAccount: request.runAsAccount ?? undefined,
        encryptionMode: encryptionModeOf(request.encryptionMode),
        state: 'PENDING',
        keyFingerprint: request.keyFingerprint,
      })
      await tx.enlistmentRequest.update({
        where: { id: request.id },
        data: { state: 'APPROVED', decidedAt: new Date(), decidedBy: ctx.actor.name },
      })
      targets.push(target)
    }
    return targets
  })
}

/** Why an administrator rejected a request: told to its agent. */
export const rejectionReason = z
  .string()
  .trim()
  .max(500, 'A reason has at most 500 characters: shorten it.')
  .default('')

/** Rejects waiting requests; their agents are told at their next check, with the reason. */
export async function rejectEnlistmentRequests(ctx: MsxContext, names: string[], reason = '') {
  const why = parseOrInvalid(rejectionReason, reason)
  return inTransaction(ctx, async (tx) => {
    const requests = await pendingRequests(tx, names)
    await tx.enlistmentRequest.updateMany({
      where: { id: { in: requests.map((r) => r.id) } },
      data: {
        state: 'REJECTED',
        decidedAt: new Date(),
        decidedBy: ctx.actor.name,
        reason: why || null,
      },
    })
    await recordAudit(tx, ctx.actor, {
      action: 'enlistment.reject',
      objectType: 'target',
      objectName: summarizeNames(requests.map((r) => r.name)),
      details: { reason: why, targetNames: targetNamesBeyondSummary(requests.map((r) => r.name)) },
    })
    return requests.map((r) => r.name)
  })
}

/** Requests waiting for a decision, oldest first. */
export function listPendingRequests(db: Db | Tx) {
  return db.enlistmentRequest.findMany({ where: { state: 'PENDING' }, orderBy: { requestedAt: 'asc' } })
}
