'use server'

import { z } from 'zod'
import { targetServers } from '@/components/format/counts'
import { authedAction } from '@/lib/auth/next/action'
import { furtherPermissionToPost } from '@/lib/auth/permissions'
import type { MsxContext } from '@/lib/msx/context'
import { jobName } from '@/lib/msx/names'
import { POLL_INTERVAL_RULE, parsePollInterval } from '@/lib/msx/operations'
import { countOperationTargets, postOperation } from '@/lib/msx/post-operation'
import { allTargets, groupMembers, type Recipients } from '@/lib/msx/recipients'
import { selectedTargetNames, targetSelection } from '@/lib/msx/target-selection'
import { instructionKeys, targetKeys } from '@/lib/query/keys'
import { isJobOperation, POSTABLE_OPERATIONS, type PostableOperation } from './instruction-types'

const INTERVAL_MESSAGE = `Enter ${POLL_INTERVAL_RULE}.`

// as the core's recipients, with the rows chosen on Target Server Status (or a filter) in place of named targets
const recipientsInput = z.union([allTargets, groupMembers, z.object({ selection: targetSelection })], {
  error: 'choose the recipients: all target servers, a group, or the selected ones',
})

const fields = {
  operation: z.enum(POSTABLE_OPERATIONS, { error: 'Choose an instruction type.' }),
  job: jobName.optional(),
  recipients: recipientsInput,
}

function needsJob(input: { operation: PostableOperation; job?: string }, issues: z.core.$RefinementCtx) {
  if (isJobOperation(input.operation) && !input.job)
    issues.addIssue({ code: 'custom', path: ['job'], message: 'Choose the job to start or stop.' })
}

const instructionTarget = z.object(fields).superRefine(needsJob)

const postInput = z.object({ ...fields, value: z.string().trim().max(20).optional() }).superRefine((input, issues) => {
  needsJob(input, issues)
  if (input.operation !== 'SET-POLL') return
  try {
    parsePollInterval(input.value)
  } catch {
    issues.addIssue({ code: 'custom', path: ['value'], message: INTERVAL_MESSAGE })
  }
})

async function recipientsOf(ctx: MsxContext, input: z.output<typeof recipientsInput>): Promise<Recipients> {
  if (!('selection' in input)) return input
  return { targets: await selectedTargetNames(ctx.db, input.selection, { exceptDefecting: true }) }
}

const jobOf = (input: { operation: PostableOperation; job?: string }) =>
  isJobOperation(input.operation) ? input.job : undefined

export const countRecipientsAction = authedAction({
  permission: 'instructions.post',
  audit: 'instruction.count',
  stale: [],
  input: instructionTarget,
  run: async (ctx, input) => {
    const recipients = await recipientsOf(ctx, input.recipients)
    const count = await countOperationTargets(ctx.db, { operation: input.operation, job: jobOf(input), recipients })
    return { data: { count }, message: `Will reach ${targetServers(count)}.` }
  },
})

export const postInstructionsAction = authedAction({
  permission: 'instructions.post',
  audit: 'instruction.post',
  stale: [targetKeys.all, instructionKeys.all],
  input: postInput,
  alsoNeeds: (input) => furtherPermissionToPost(input.operation),
  run: async (ctx, input) => {
    const recipients = await recipientsOf(ctx, input.recipients)
    const value = input.operation === 'SET-POLL' ? input.value : undefined
    const result = await postOperation(ctx, { operation: input.operation, job: jobOf(input), value, recipients })
    const what = result.operation + (jobOf(input) ? ` of job "${input.job}"` : '')
    return { data: { posted: result.posted }, message: `Posted ${what} to ${targetServers(result.posted)}.` }
  },
})
