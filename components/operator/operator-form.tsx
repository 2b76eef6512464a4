'use client'

import { useState } from 'react'
import { Field, FormMessage } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import type { OperatorView } from '@/lib/msx/operator'
import { setOperatorAction } from './actions'

/** The MSXOperator's name and channels, for an administrator; a new webhook secret is shown here once. */
export function OperatorForm({ operator }: { operator: OperatorView | null }) {
  const { run, pending, outcome } = useServerAction()
  const [secret, setSecret] = useState<string | null>(null)
  const save = (form: FormData) =>
    run(
      () => setOperatorAction(Object.fromEntries(form)),
      (data) => setSecret(data.newWebhookSecret),
    )
  const errors = outcome?.fieldErrors ?? {}
  return (
    <form noValidate onSubmit={submitWithoutReset(save)} className="grid gap-4" aria-label="MSXOperator">
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        <Field
          label="Operator name"
          name="name"
          defaultValue={operator?.name ?? 'MSXOperator'}
          maxLength={128}
          errors={errors.name}
        />
        <Field
          label="E-mail address"
          name="email"
          type="email"
          defaultValue={operator?.email ?? ''}
          errors={errors.email}
        />
        <Field
          label="Pager e-mail address"
          name="pagerEmail"
          type="email"
          defaultValue={operator?.pagerEmail ?? ''}
          errors={errors.pagerEmail}
        />
        <Field
          label="Webhook URL"
          name="webhookUrl"
          type="url"
          defaultValue={operator?.webhookUrl ?? ''}
          errors={errors.webhookUrl}
          hint={
            operator?.webhookSecretSet
              ? 'The webhook secret is set; it is never shown again.'
              : 'A secret is made when you save a webhook URL.'
          }
        />
      </div>
      {operator?.webhookSecretSet && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="rotateWebhookSecret" /> Make a new webhook secret (the old one stops verifying)
        </label>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save operator'}
        </Button>
        <FormMessage state={outcome} />
      </div>
      {secret && (
        <div className="grid gap-2 rounded-md border p-3" data-testid="webhook-secret">
          <p className="text-sm font-medium">Webhook secret: copy it now, you will not see it again.</p>
          <CodeBlock code={secret} label="Copy the webhook secret" />
        </div>
      )}
    </form>
  )
}
