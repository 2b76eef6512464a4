// The wizard's Complete step: its plan, and each action run one at a time so the page can show each result
// as it comes. Every action writes its own activity entry (enlist, or reject with the reason).
import 'server-only'
import type { Db, Tx } from '../db/client'
import { type CompatibilityResult, checkCompatibility } from './compatibility'
import { inTransaction, type MsxContext } from './context'
import { approveEnlistmentRequests, rejectEnlistmentRequests } from './enlistment-requests'
import { isMsxError } from './errors'
import { activeMaster } from './master'
import { nameKey } from './names'
import { readOperator } from './operator'
import { readWizardProgress, saveWizardProgress } from './wizard'
import type { WizardActionResult } from './wizard-steps'

/** The chosen requests with what the compatibility step found, oldest first. */
export async function chosenRequests(db: Db | Tx): Promise<CompatibilityResult[]> {
  const master = await activeMaster(db)
  const requests = await db.enlistmentRequest.findMany({
    where: { state: 'PENDING', wizardChosenAt: { not: null } },
    orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
  })
  return requests.map((r) => checkCompatibility(r, master.version))
}

async function operatorResult(db: Db | Tx): Promise<WizardActionResult> {
  const operator = await readOperator(db)
  if (!operator)
    return {
      title: 'Create operator MSXOperator',
      status: 'failed',
      detail: 'No MSXOperator is saved: go back to step 2 and save it.',
    }
  const channels = [
    operator.email && `e-mail ${operator.email}`,
    operator.pagerEmail && `pager e-mail ${operator.pagerEmail}`,
    operator.webhookUrl && `webhook ${operator.webhookUrl}`,
  ].filter(Boolean)
  return { title: `Create operator ${operator.name}`, status: 'done', detail: `notified by ${channels.join(', ')}` }
}

async function record(ctx: MsxContext, result: WizardActionResult, restart = false) {
  await inTransaction(ctx, async (tx) => {
    const { lastRun } = await readWizardProgress(tx)
    const results = restart ? [result] : [...(lastRun ?? []), result]
    await saveWizardProgress(tx, ctx.actor.name, { step: 'complete', lastRun: JSON.stringify(results) })
  })
  return result
}

/** Starts a run of the Complete step: its first line is the MSXOperator, saved on step 2. */
export async function startWizardRun(ctx: MsxContext) {
  return record(ctx, await operatorResult(ctx.db), true)
}

/**
 * Enlists one chosen request, or, when it fails the compatibility checks, rejects it with the reason so that its
 * agent is told why.
 */
export async function runWizardEnlist(ctx: MsxContext, name: string): Promise<WizardActionResult> {
  const title = `Enlist ${name}`
  const request = await ctx.db.enlistmentRequest.findFirst({
    where: { nameKey: nameKey(name), state: 'PENDING', wizardChosenAt: { not: null } },
  })
  if (!request)
    return record(ctx, {
      title,
      status: 'failed',
      detail: `no request from ${name} is selected and waiting any more: it was enlisted, rejected or moved back meanwhile.`,
    })
  const master = await activeMaster(ctx.db)
  const verdict = checkCompatibility(request, master.version)
  try {
    if (verdict.status === 'fail') {
      const reason = verdict.reason ?? 'it failed the compatibility checks.'
      await rejectEnlistmentRequests(ctx, [request.name], reason.slice(0, 500))
      return record(ctx, { title: `Enlist ${request.name}`, status: 'refused', detail: reason })
    }
    const [target] = await approveEnlistmentRequests(ctx, [request.name])
    return record(ctx, {
      title: `Enlist ${target.name}`,
      status: 'done',
      detail: 'enlisted; it shows Normal once its agent has collected its certificate and polled.',
      href: `/targets/${encodeURIComponent(target.name)}`,
    })
  } catch (error) {
    if (!isMsxError(error)) throw error
    return record(ctx, { title: `Enlist ${request.name}`, status: 'refused', detail: error.message })
  }
}
