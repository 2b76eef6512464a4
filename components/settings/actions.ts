'use server'

import { authedAction } from '@/lib/auth/next/action'
import { type MasterSettingsChange, updateMasterSettings } from '@/lib/msx/master-settings'
import { masterSettingsInput } from '@/lib/msx/master-settings-input'
import { auditKeys, SERVER_RENDERED } from '@/lib/query/keys'

function describeChange({ name, defaultPollIntervalSeconds: interval }: MasterSettingsChange): string {
  if (!name && !interval) return 'Nothing to save: the name and the default polling interval are already these.'
  const renamed = name
    ? `Renamed the master server from ${name.from} to ${name.to}; target servers keep polling it under the new name.`
    : ''
  const polled = interval
    ? `Target servers enlisted from now on poll every ${interval.to} s (was ${interval.from} s); those enlisted ` +
      'already keep theirs: change them with Set polling interval (SET-POLL) in Post Instructions.'
    : ''
  return [renamed, polled].filter(Boolean).join(' ')
}

export const updateMasterSettingsAction = authedAction({
  permission: 'master.edit',
  audit: 'master.update',
  // the console's frame and Settings show the name; the activity log shows the change
  stale: [SERVER_RENDERED, auditKeys.all],
  input: masterSettingsInput,
  run: async (ctx, input) => ({ data: undefined, message: describeChange(await updateMasterSettings(ctx, input)) }),
})
