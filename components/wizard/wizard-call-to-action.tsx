// The first thing to do on a master without an MSXOperator and without target servers, or a dismantled one.
import { WandSparklesIcon } from 'lucide-react'
import Link from 'next/link'
import { Button } from '@/components/ui/button'

export function WizardCallToAction({ dismantled }: { dismantled: boolean }) {
  return (
    <section
      aria-labelledby="wizard-cta-title"
      className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-primary/30 bg-primary/5 p-4"
    >
      <div className="min-w-0 space-y-1">
        <h2 id="wizard-cta-title" className="font-semibold">
          {dismantled ? 'Make this server a master server again' : 'Set up this master server'}
        </h2>
        <p className="max-w-2xl text-sm text-muted-foreground">
          The Master Server Wizard checks this master, sets up the Master Server Operator (MSXOperator) and enlists your
          first target servers, saying at each step what to fix.
        </p>
      </div>
      <Button asChild>
        <Link href="/wizard">
          <WandSparklesIcon aria-hidden />
          Open the Master Server Wizard
        </Link>
      </Button>
    </section>
  )
}
