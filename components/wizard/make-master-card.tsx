'use client'

// On the first step while the multiserver configuration is dismantled: makes this server a master again. It stays
// mounted once it has (dismantledOn null), so that what it did is still said after the page has refreshed.
import { ServerCogIcon } from 'lucide-react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { OutcomeMessage } from '@/components/forms/action-outcome'
import { useServerAction } from '@/components/forms/use-server-action'
import { makeMasterAction } from './actions'

export function MakeMasterCard({
  name,
  dismantledOn,
  ability,
}: {
  name: string
  /** null: a master server (again) */
  dismantledOn: string | null
  ability: Ability
}) {
  const { run, pending, outcome } = useServerAction()
  if (dismantledOn === null)
    return outcome?.ok ? (
      <section aria-label="Master server" className="rounded-lg border border-emerald-500/40 bg-emerald-500/5 p-4">
        <OutcomeMessage outcome={outcome} />
      </section>
    ) : null
  return (
    <section
      aria-labelledby="make-master-title"
      className="grid gap-3 rounded-lg border border-amber-500/40 bg-amber-500/5 p-4"
    >
      <h2 id="make-master-title" className="text-sm font-semibold">
        {name} is not a master server now
      </h2>
      <p className="text-sm text-muted-foreground">
        Its multiserver configuration was dismantled on {dismantledOn}. Making it a master server again lets target
        servers enlist; its job history and activity log were kept.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <GuardedButton ability={ability} disabled={pending} onClick={() => run(() => makeMasterAction({}))}>
          <ServerCogIcon aria-hidden />
          {pending ? 'Making it a master server…' : `Make ${name} a master server`}
        </GuardedButton>
        <OutcomeMessage outcome={outcome} />
      </div>
    </section>
  )
}
