'use client'

import { KeyRoundIcon } from 'lucide-react'
import { useId } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { Field, FormMessage } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { useServerAction } from '@/components/forms/use-server-action'
import { createTokenAction } from './actions'
import { TOKEN_LIFETIMES } from './token-input'

type Result = Awaited<ReturnType<typeof createTokenAction>>
export type CreatedToken = Extract<Result, { ok: true }>['data']

/** Lifetime and number of uses of a new enlistment token; the token itself is handed to `onCreated`, once. */
export function CreateTokenForm({
  ability,
  onCreated,
}: {
  ability: Ability
  onCreated: (token: CreatedToken) => void
}) {
  const { run, pending, outcome } = useServerAction()
  const create = (form: FormData) => run(() => createTokenAction(Object.fromEntries(form)), onCreated)
  const errors = outcome?.fieldErrors ?? {}
  const locked = !ability.allowed
  const hoursId = useId()
  return (
    <form onSubmit={submitWithoutReset(create)} className="grid gap-3 sm:grid-cols-[10rem_12rem_auto] sm:items-start">
      <div className="grid gap-1.5">
        <label htmlFor={hoursId} className="text-sm font-medium">
          Expires after
        </label>
        <select
          id={hoursId}
          name="hours"
          defaultValue="24"
          disabled={locked}
          className="h-9 rounded-md border border-input bg-background px-2 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {TOKEN_LIFETIMES.map((l) => (
            <option key={l.hours} value={l.hours}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Enlistments allowed"
        name="uses"
        inputMode="numeric"
        placeholder="Unlimited"
        hint="Empty: any number until it expires."
        disabled={locked}
        errors={errors.uses}
      />
      <GuardedButton ability={ability} type="submit" disabled={pending} className="sm:mt-6">
        <KeyRoundIcon aria-hidden />
        {pending ? 'Creating…' : 'Create enlistment token'}
      </GuardedButton>
      <div className="sm:col-span-3">
        <FormMessage state={outcome?.ok ? null : outcome} />
      </div>
    </form>
  )
}
