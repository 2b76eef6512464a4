'use client'

import { Field, FormMessage, NewPasswordField } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@/lib/auth/roles'
import { createUserAction } from './actions'

export function CreateUserForm() {
  const { run, pending, outcome } = useServerAction()
  const create = (form: FormData) => run(() => createUserAction(Object.fromEntries(form)))
  const errors = outcome?.fieldErrors ?? {}
  return (
    <form onSubmit={submitWithoutReset(create)} className="grid gap-4 sm:grid-cols-[1fr_1fr_12rem_auto] sm:items-start">
      <Field label="User name" name="name" autoComplete="off" required errors={errors.name} />
      <NewPasswordField label="Password" name="password" errors={errors.password} />
      <div className="grid gap-1.5">
        <label htmlFor="role" className="text-sm font-medium">
          Role
        </label>
        <select
          id="role"
          name="role"
          defaultValue="viewer"
          className="h-9 rounded-md border border-input bg-background px-2 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {ROLES.map((role) => (
            <option key={role} value={role} title={ROLE_DESCRIPTIONS[role]}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {pending ? 'Creating…' : 'Create user'}
      </Button>
      <div className="sm:col-span-4">
        <FormMessage state={outcome} />
      </div>
    </form>
  )
}
