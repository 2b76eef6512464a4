'use client'

import { useActionState } from 'react'
import { Field, FormMessage, NewPasswordField } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { Button } from '@/components/ui/button'
import { type AuthFormState, setUpAction } from './actions'

export function SetupForm() {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(setUpAction, null)
  const errors = state?.fieldErrors ?? {}
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="grid gap-4">
      <Field label="Administrator name" name="name" autoComplete="username" required autoFocus errors={errors.name} />
      <NewPasswordField label="Password" name="password" errors={errors.password} />
      <Field
        label="Confirm password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirm}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create administrator and sign in'}
      </Button>
    </form>
  )
}
