'use server'

import { authedAction } from '@/lib/auth/next/action'
import { dismantleMaster, wholeConfigurationInput } from '@/lib/msx/master'
import { type MasterSettingsChange, updateMasterSettings } from '@/lib/msx/master-settings'
import { masterSettingsInput } from '@/lib/msx/master-settings-input'
import { defectAllTargets } from '@/lib/msx/targets'
import { auditKeys, enlistmentKeys, SERVER_RENDERED, targetKeys } from '@/lib/query/keys'

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

export const dismantleMasterAction = authedAction({
  permission: 'master.dismantle',
  audit: 'master.dismantle',
  stale: [SERVER_RENDERED, auditKeys.all, enlistmentKeys.all],
  input: wholeConfigurationInput,
  run: async (ctx) => {
    const done = await dismantleMaster(ctx)
    const operator = done.operatorDeleted
      ? `the MSXOperator ${done.operatorDeleted} deleted`
      : 'no MSXOperator to delete'
    return {
      data: undefined,
      message:
        `Dismantled the multiserver configuration of ${done.name}: ${done.tokensRevoked} enlistment token(s) revoked, ` +
        `${done.requestsRejected} waiting request(s) rejected, ${operator}. Job history and the activity log are kept.`,
    }
  },
})

export const defectAllAction = authedAction({
  permission: 'targets.defect',
  audit: 'target.defect.all',
  stale: [SERVER_RENDERED, auditKeys.all, targetKeys.all],
  input: wholeConfigurationInput,
  run: async (ctx) => {
    const { count } = await defectAllTargets(ctx)
    return {
      data: undefined,
      message: `Posted DEFECT to ${count} target server${count === 1 ? '' : 's'}: each leaves the list as its agent defects.`,
    }
  },
})
