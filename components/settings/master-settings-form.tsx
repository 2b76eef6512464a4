'use client'

import { Field, FormMessage } from '@/components/forms/field'
import { submitWithoutReset } from '@/components/forms/submit-without-reset'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '@/lib/msx/operations'
import { updateMasterSettingsAction } from './actions'
import { INTERVAL_SCOPE } from './wording'

export interface MasterSettings {
  name: string
  defaultPollIntervalSeconds: number
  /** where the name came from and whether a restart keeps it */
  nameSource: string
}

/** The master's name and default polling interval, for an administrator to change. */
export function MasterSettingsForm({ settings }: { settings: MasterSettings }) {
  const { run, pending, outcome } = useServerAction()
  const save = (form: FormData) => run(() => updateMasterSettingsAction(Object.fromEntries(form)))
  const errors = outcome?.fieldErrors ?? {}
  return (
    // noValidate: the server's sentence names the allowed range, where a browser's bubble would not
    <form
      noValidate
      onSubmit={submitWithoutReset(save)}
      className="grid gap-4 border-b pb-5"
      aria-label="Master server settings"
    >
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        <Field
          key={settings.name}
          label="Master server name"
          name="name"
          defaultValue={settings.name}
          maxLength={128}
          autoComplete="off"
          spellCheck={false}
          required
          errors={errors.name}
          hint={settings.nameSource}
        />
        <Field
          key={settings.defaultPollIntervalSeconds}
          label="Default polling interval (seconds)"
          name="defaultPollIntervalSeconds"
          type="number"
          inputMode="numeric"
          min={MIN_POLL_INTERVAL_SECONDS}
          max={MAX_POLL_INTERVAL_SECONDS}
          defaultValue={settings.defaultPollIntervalSeconds}
          required
          errors={errors.defaultPollIntervalSeconds}
          hint={INTERVAL_SCOPE}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
        <FormMessage state={outcome} />
      </div>
    </form>
  )
}
