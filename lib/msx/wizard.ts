// The Master Server Wizard's shared progress: the step it stands at (a reload or a second administrator sees
// the same), and the pending enlistment requests chosen to enlist.
import 'server-only'
import { z } from 'zod'
import type { Db, Tx } from '../db/client'
import { noteChange } from './changes'
import { inTransaction, type MsxContext } from './context'
import { refused } from './errors'
import { readMaster } from './master'
import { nameKey } from './names'
import { stepIndex, type WizardActionResult, type WizardStep, wizardStep } from './wizard-steps'

export interface WizardProgressView {
  step: WizardStep
  lastRun: WizardActionResult[] | null
  updatedBy: string | null
  updatedAt: Date | null
}

export async function readWizardProgress(db: Db | Tx): Promise<WizardProgressView> {
  const row = await db.wizardProgress.findUnique({ where: { id: 1 } })
  if (!row) return { step: 'checks', lastRun: null, updatedBy: null, updatedAt: null }
  const step = wizardStep.safeParse(row.step)
  return {
    step: step.success ? step.data : 'checks',
    lastRun: row.lastRun ? (JSON.parse(row.lastRun) as WizardActionResult[]) : null,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  }
}

export function saveWizardProgress(tx: Tx, actor: string, data: { step?: WizardStep; lastRun?: string | null }) {
  return tx.wizardProgress.upsert({
    where: { id: 1 },
    create: { id: 1, step: data.step ?? 'checks', lastRun: data.lastRun ?? null, updatedBy: actor },
    update: { ...data, updatedBy: actor },
  })
}

/**
 * Why the wizard cannot go on to `step` yet, or null: past the checks the master must be a master (not
 * dismantled); past the operator step the MSXOperator must exist, as the only operator jobs can notify.
 */
export async function wizardStepBlocker(db: Db | Tx, step: WizardStep): Promise<string | null> {
  if (stepIndex(step) <= stepIndex('checks')) return null
  const master = await readMaster(db)
  if (!master) return 'This server is not set up as a master server yet: start the master once to create it.'
  if (master.dismantledAt)
    return `${master.name} is dismantled: make it a master server again on the first step (Make ${master.name} a master server) before going on.`
  if (stepIndex(step) <= stepIndex('operator')) return null
  if (!master.msxOperatorId)
    return 'Save the Master Server Operator first: multiserver jobs can notify no one else. Give at least one of e-mail, pager e-mail or webhook.'
  return null
}

export const wizardMoveInput = z.object({ step: wizardStep })

/** Moves the wizard to a step for every administrator, once what comes before it is in place. */
export async function moveWizard(ctx: MsxContext, step: WizardStep) {
  return inTransaction(ctx, async (tx) => {
    const blocker = await wizardStepBlocker(tx, step)
    if (blocker) throw refused(blocker)
    // arriving at Complete again starts a new run: the last one's results are for the step that showed them
    await saveWizardProgress(tx, ctx.actor.name, step === 'complete' ? { step, lastRun: null } : { step })
    return step
  })
}

export const wizardChoiceInput = z.object({
  /** true: to "Selected target servers" (> and >>); false: back (< and <<) */
  chosen: z.boolean(),
  /** the requests' target names; omitted: every pending request (>> and <<) */
  names: z.array(z.string().trim().min(1).max(128)).max(10_000).optional(),
})
export type WizardChoice = z.output<typeof wizardChoiceInput>

/** Moves pending requests between the wizard's two lists; the choice is kept with each request. */
export async function chooseWizardRequests(ctx: MsxContext, choice: WizardChoice) {
  if (choice.names?.length === 0) throw refused('Select at least one enlistment request to move.')
  return inTransaction(ctx, async (tx) => {
    const moved = await tx.enlistmentRequest.updateMany({
      where: {
        state: 'PENDING',
        wizardChosenAt: choice.chosen ? null : { not: null },
        ...(choice.names ? { nameKey: { in: choice.names.map(nameKey) } } : {}),
      },
      data: { wizardChosenAt: choice.chosen ? new Date() : null },
    })
    await noteChange(tx, ['enlistment'])
    return moved.count
  })
}

/** The wizard is the first thing to do while the master has neither an MSXOperator nor a target, or is dismantled. */
export async function wizardSuggested(db: Db | Tx): Promise<{ suggested: boolean; dismantled: boolean }> {
  const master = await readMaster(db)
  if (!master) return { suggested: false, dismantled: false }
  if (master.dismantledAt) return { suggested: true, dismantled: true }
  if (master.msxOperatorId) return { suggested: false, dismantled: false }
  const anyTarget = await db.targetServer.findFirst({ select: { id: true } })
  return { suggested: !anyTarget, dismantled: false }
}
