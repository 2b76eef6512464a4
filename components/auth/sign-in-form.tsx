'use client'

import { useActionState } from 'react'
import { Field, FormMessage } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { Button } from '@/components/ui/button'
import { type AuthFormState, signInAction } from './actions'

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(signInAction, null)
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="grid gap-4">
      <input type="hidden" name="next" value={next ?? ''} />
      <Field label="User name" name="name" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
