'use client'

import { Field, FormMessage } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import type { MailServerView } from '@/lib/msx/operator'
import { setMailServerAction } from './actions'

const SECURITY_LABELS = { none: 'None', starttls: 'STARTTLS', tls: 'TLS' } as const

/** The mail server the master sends through; the password is kept when left empty. */
export function MailServerForm({ mail }: { mail: MailServerView | null }) {
  const { run, pending, outcome } = useServerAction()
  const save = (form: FormData) => run(() => setMailServerAction(Object.fromEntries(form)))
  const errors = outcome?.fieldErrors ?? {}
  return (
    <form noValidate onSubmit={submitWithoutReset(save)} className="grid gap-4" aria-label="Mail server">
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        <Field
          label="Mail server (SMTP host)"
          name="host"
          defaultValue={mail?.host ?? ''}
          autoComplete="off"
          spellCheck={false}
          errors={errors.host}
        />
        <Field
          label="Port"
          name="port"
          type="number"
          inputMode="numeric"
          min={1}
          max={65535}
          defaultValue={mail?.port ?? 587}
          errors={errors.port}
        />
        <div className="grid gap-1.5">
          <span id="mail-security-label" className="text-sm font-medium">
            Security
          </span>
          <Select name="security" defaultValue={mail?.security ?? 'starttls'}>
            <SelectTrigger
              aria-labelledby="mail-security-label"
              aria-invalid={errors.security ? true : undefined}
              aria-describedby={errors.security ? 'mail-security-error' : undefined}
            >
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {Object.entries(SECURITY_LABELS).map(([value, label]) => (
                <SelectItem key={value} value={value}>
                  {label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          {errors.security && (
            <p id="mail-security-error" className="text-sm text-destructive">
              {errors.security.join(' ')}
            </p>
          )}
        </div>
        <Field label="From address" name="from" type="email" defaultValue={mail?.from ?? ''} errors={errors.from} />
        <Field label="User name" name="user" defaultValue={mail?.user ?? ''} autoComplete="off" errors={errors.user} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          errors={errors.password}
          hint={mail?.passwordSet ? 'A password is set; leave empty to keep it.' : 'Only with a user name.'}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save mail server'}
        </Button>
        <FormMessage state={outcome} />
      </div>
    </form>
  )
}
