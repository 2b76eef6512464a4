// The wizard's progress indicator: every step by name, the one shown marked, those reached opening by link.
import { CheckIcon } from 'lucide-react'
import Link from 'next/link'
import { stepIndex, WIZARD_STEPS, type WizardStep } from '@/lib/msx/wizard-steps'
import { cn } from '@/lib/utils'

export function WizardProgress({ shown, reached }: { shown: WizardStep; reached: WizardStep }) {
  const reachedAt = stepIndex(reached)
  return (
    <nav aria-label="Wizard steps">
      <ol className="grid grid-cols-5 gap-1 sm:gap-2">
        {WIZARD_STEPS.map((step, i) => {
          const current = step.id === shown
          const done = i < reachedAt
          const mark = (
            <span
              className={cn(
                'flex size-7 shrink-0 items-center justify-center rounded-full border text-xs font-semibold',
                current && 'border-primary bg-primary text-primary-foreground',
                done && !current && 'border-primary text-primary',
              )}
              aria-hidden
            >
              {done && !current ? <CheckIcon className="size-3.5" /> : i + 1}
            </span>
          )
          const label = (
            <span className={cn('hidden text-xs sm:block', current ? 'font-semibold' : 'text-muted-foreground')}>
              {step.title}
            </span>
          )
          const body = (
            <>
              {mark}
              {label}
              <span className="sr-only sm:hidden">{step.title}</span>
              {done && <span className="sr-only"> (done)</span>}
            </>
          )
          return (
            <li key={step.id} className="min-w-0">
              {i <= reachedAt && !current ? (
                <Link
                  href={`/wizard/${step.id}`}
                  className="flex flex-col items-center gap-1 rounded-md p-1 text-center outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  {body}
                </Link>
              ) : (
                <div
                  aria-current={current ? 'step' : undefined}
                  className="flex flex-col items-center gap-1 p-1 text-center"
                >
                  {body}
                </div>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
