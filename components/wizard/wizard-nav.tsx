'use client'

// Back / Next / Cancel: Back and Next move the wizard for every administrator; Cancel leaves it where it stands.
import { ArrowLeftIcon, ArrowRightIcon } from 'lucide-react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { OutcomeMessage } from '@/components/forms/action-outcome'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { neighbours, WIZARD_STEPS, type WizardStep } from '@/lib/msx/wizard-steps'
import { moveWizardAction } from './actions'

export function WizardNav({
  step,
  ability,
  nextBlocked,
}: {
  step: WizardStep
  ability: Ability
  /** why Next cannot be taken yet, said beside it */
  nextBlocked?: string | null
}) {
  const router = useRouter()
  const { run, pending, outcome } = useServerAction()
  const { back, next } = neighbours(step)
  const go = (to: WizardStep) =>
    run(
      () => moveWizardAction({ step: to }),
      () => router.push(`/wizard/${to}`),
    )
  const nextTitle = next && WIZARD_STEPS.find((s) => s.id === next)?.title
  return (
    <div className="grid gap-2 border-t pt-4">
      <div className="flex flex-wrap items-center gap-2">
        {back && (
          <GuardedButton ability={ability} variant="outline" disabled={pending} onClick={() => go(back)}>
            <ArrowLeftIcon aria-hidden />
            Back
          </GuardedButton>
        )}
        {next && (
          <GuardedButton ability={ability} disabled={pending || Boolean(nextBlocked)} onClick={() => go(next)}>
            Next
            <ArrowRightIcon aria-hidden />
          </GuardedButton>
        )}
        <Button variant="ghost" asChild>
          <Link href="/targets">{step === 'complete' ? 'Close' : 'Cancel'}</Link>
        </Button>
        {next && nextTitle && !nextBlocked && <span className="text-sm text-muted-foreground">Next: {nextTitle}</span>}
      </div>
      {nextBlocked && ability.allowed && <p className="text-sm text-muted-foreground">{nextBlocked}</p>}
      <OutcomeMessage outcome={outcome?.ok ? null : outcome} />
      {step !== 'complete' && (
        <p className="text-xs text-muted-foreground">
          Cancel leaves the wizard; what is saved stays, and /wizard opens it again at this step.
        </p>
      )}
    </div>
  )
}
