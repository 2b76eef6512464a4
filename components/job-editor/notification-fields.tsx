'use client'

import { useFormContext } from 'react-hook-form'
import { NoOperatorNote } from '@/components/operator/no-operator-note'
import type { OperatorView } from '@/lib/msx/operator'
import type { JobForm } from './editor-types'
import { EditorField, NativeSelect } from './form-parts'

const LEVELS = [
  { value: 'never', label: 'Never' },
  { value: 'success', label: 'When the job succeeds' },
  { value: 'failure', label: 'When the job fails' },
  { value: 'completion', label: 'When the job completes' },
  { value: 'change', label: 'When the outcome changes' },
] as const

/** Notifications: only the MSXOperator is notified about multiserver jobs, by e-mail, pager or webhook. */
export function NotificationFields({ operator }: { operator: OperatorView | null }) {
  const { register } = useFormContext<JobForm>()
  const channels = [
    { key: 'email', label: 'E-mail', to: operator?.email },
    { key: 'pager', label: 'Pager', to: operator?.pagerEmail },
    { key: 'webhook', label: 'Webhook', to: operator?.webhookUrl },
  ] as const
  return (
    <div className="grid gap-4">
      {operator ? (
        <p className="text-sm text-muted-foreground">
          Multiserver jobs notify only the MSXOperator, {operator.name}; no other operator can be chosen.
        </p>
      ) : (
        <NoOperatorNote>
          This master has no MSXOperator yet, so no one is notified, whatever is chosen here.
        </NoOperatorNote>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {channels.map((c) => (
          <EditorField
            key={c.key}
            label={c.label}
            hint={
              operator ? (c.to ? `to ${c.to}` : `The MSXOperator has no ${c.label.toLowerCase()} address.`) : undefined
            }
          >
            {({ id, describedBy }) => (
              <NativeSelect id={id} aria-describedby={describedBy} {...register(`notify.${c.key}`)}>
                {LEVELS.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.label}
                  </option>
                ))}
              </NativeSelect>
            )}
          </EditorField>
        ))}
      </div>
    </div>
  )
}
