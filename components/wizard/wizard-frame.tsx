// The frame of every wizard step: its title, the progress indicator, why a role only reads it, and Back / Next.
import type { ReactNode } from 'react'
import type { Ability } from '@/components/auth/ability'
import { PageHeader } from '@/components/page-header'
import { WIZARD_STEPS, type WizardStep } from '@/lib/msx/wizard-steps'
import { WizardNav } from './wizard-nav'
import { WizardProgress } from './wizard-progress'

export function WizardFrame({
  step,
  reached,
  ability,
  nextBlocked,
  description,
  children,
}: {
  step: WizardStep
  /** where the wizard stands for every administrator */
  reached: WizardStep
  ability: Ability
  nextBlocked: string | null
  description: ReactNode
  children: ReactNode
}) {
  const index = WIZARD_STEPS.findIndex((s) => s.id === step)
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-6 md:px-6">
      <PageHeader
        title="Master Server Wizard"
        description="From a fresh master to a working fleet, every step checked."
      />
      <WizardProgress shown={step} reached={reached} />
      <section aria-labelledby="wizard-step-title" className="grid gap-4">
        <div className="space-y-1">
          <h2 id="wizard-step-title" className="text-lg font-semibold">
            Step {index + 1} of {WIZARD_STEPS.length}: {WIZARD_STEPS[index].title}
          </h2>
          <div className="max-w-3xl text-sm text-muted-foreground">{description}</div>
        </div>
        {!ability.allowed && (
          <p role="note" className="rounded-md border bg-muted/40 p-3 text-sm">
            You see this wizard read-only. {ability.reason}
          </p>
        )}
        {children}
      </section>
      <WizardNav step={step} ability={ability} nextBlocked={nextBlocked} />
    </div>
  )
}
