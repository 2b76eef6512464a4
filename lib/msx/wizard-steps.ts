// The Master Server Wizard's steps, in order, with the names its progress indicator shows. No server-only
// import: the browser's frame reads it.
import { z } from 'zod'

export const WIZARD_STEPS = [
  { id: 'checks', title: 'Checks of the master' },
  { id: 'operator', title: 'Master Server Operator' },
  { id: 'targets', title: 'Target servers' },
  { id: 'compatibility', title: 'Compatibility' },
  { id: 'complete', title: 'Complete' },
] as const

export type WizardStep = (typeof WIZARD_STEPS)[number]['id']

export const wizardStep = z.enum(WIZARD_STEPS.map((s) => s.id) as [WizardStep, ...WizardStep[]], {
  error: 'No such step of the Master Server Wizard: open /wizard to continue where it stands.',
})

export function stepIndex(step: WizardStep): number {
  return WIZARD_STEPS.findIndex((s) => s.id === step)
}

export function neighbours(step: WizardStep): { back: WizardStep | null; next: WizardStep | null } {
  const i = stepIndex(step)
  return { back: WIZARD_STEPS[i - 1]?.id ?? null, next: WIZARD_STEPS[i + 1]?.id ?? null }
}

/** One action of the Complete step with its result, as the live list shows it. */
export interface WizardActionResult {
  title: string
  status: 'done' | 'refused' | 'failed'
  detail: string
  /** the target's page, for an enlisted target */
  href?: string
}
