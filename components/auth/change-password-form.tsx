'use client'

import { Field, FormMessage, NewPasswordField } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { changePasswordAction } from './actions'

export function ChangePasswordForm() {
  const { run, pending, outcome } = useServerAction()
  const change = (form: FormData) => run(() => changePasswordAction(Object.fromEntries(form)))
  const errors = outcome?.fieldErrors ?? {}
  return (
    <form onSubmit={submitWithoutReset(change)} className="grid max-w-md gap-4">
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
      <FormMessage state={outcome} />
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  )
}
