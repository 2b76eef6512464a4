'use client'

import type { Ability } from '@/components/auth/ability'
import { FormMessage } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { updateLocationAction } from './actions'

/** The target's location, edited in place; disabled with the reason for a role that may not change it. */
export function LocationForm({ name, location, ability }: { name: string; location: string; ability: Ability }) {
  const { run, pending, outcome } = useServerAction()
  const save = (form: FormData) => run(() => updateLocationAction({ name, location: form.get('location') }))
  const errors = outcome?.fieldErrors?.location
  const describedBy = [errors ? 'location-errors' : '', ability.allowed ? '' : 'location-refusal'].filter(Boolean)
  return (
    <form onSubmit={submitWithoutReset(save)} className="grid gap-1.5">
      <fieldset disabled={!ability.allowed} className="flex min-w-0 flex-wrap items-center gap-2">
        <label htmlFor="location" className="sr-only">
          Location
        </label>
        <Input
          key={location}
          id="location"
          name="location"
          defaultValue={location}
          maxLength={200}
          placeholder="Where it is, e.g. Rack 4, Paris"
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy.join(' ') || undefined}
          className="h-8 max-w-sm flex-1"
        />
        <Button type="submit" size="sm" variant="outline" disabled={pending}>
          {pending ? 'Saving…' : 'Save location'}
        </Button>
      </fieldset>
      {errors && (
        <p id="location-errors" className="text-sm text-destructive">
          {errors.join(' ')}
        </p>
      )}
      {!ability.allowed && (
        <p id="location-refusal" className="text-xs text-muted-foreground">
          {ability.reason}
        </p>
      )}
      <FormMessage state={outcome} />
    </form>
  )
}
