'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useActionState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { FormMessage } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { targetKeys } from '@/lib/query/keys'
import { targetDetailKeys } from '@/lib/query/target-details'
import { updateLocationAction } from './actions'

type State = Awaited<ReturnType<typeof updateLocationAction>> | null

/** The target's location, edited in place; disabled with the reason for a role that may not change it. */
export function LocationForm({ name, location, ability }: { name: string; location: string; ability: Ability }) {
  const queryClient = useQueryClient()
  const [state, action, pending] = useActionState<State, FormData>(async (_previous, form) => {
    const result = await updateLocationAction({ name, location: form.get('location') })
    if (result.ok)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: targetDetailKeys.detail(name) }),
        queryClient.invalidateQueries({ queryKey: targetKeys.lists() }),
      ])
    return result
  }, null)
  const errors = state && !state.ok ? state.fieldErrors?.location : undefined
  const describedBy = [errors ? 'location-errors' : '', ability.allowed ? '' : 'location-refusal'].filter(Boolean)
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="grid gap-1.5">
      <fieldset disabled={!ability.allowed} className="flex flex-wrap items-center gap-2">
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
      <FormMessage state={state} />
    </form>
  )
}
