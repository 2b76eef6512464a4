'use client'

import { useActionState } from 'react'
import { Field, FormMessage, NewPasswordField } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { Button } from '@/components/ui/button'
import { changePasswordAction } from './actions'

type State = Awaited<ReturnType<typeof changePasswordAction>> | null

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<State, FormData>(
    (_previous, form) => changePasswordAction(Object.fromEntries(form)),
    null,
  )
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {}
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="grid max-w-md gap-4">
      <Field
        label="Current password"
        name="current"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.current}
      />
      <NewPasswordField label="New password" name="next" errors={errors.next} />
      <Field
        label="Confirm new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirm}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  )
}
