// The download list: posting operations (sp_post_msx_operation), listing, deleting and clearing instructions.
import { z } from 'zod'
import { furtherPermissionToPost } from '../../../lib/auth/permissions'
import {
  clearInstructionErrors,
  deleteInstructions,
  INSTRUCTION_STATUSES,
  listInstructions,
} from '../../../lib/msx/instructions'
import { postOperation } from '../../../lib/msx/post-operation'
import { recipientsInput } from '../../../lib/msx/recipients'
import { command } from '../command'
import { instructionIds, jobName, names, serverName } from './inputs'

export const instructionCommands = {
  'instructions.post': command({
    permission: 'instructions.post',
    input: z.object({
      operation: z.string({ error: 'name the operation' }).trim().min(1, 'name the operation').max(32),
      job: jobName.optional(),
      value: z.union([z.string().max(100), z.number()], { error: 'value is text or a number' }).optional(),
      recipients: recipientsInput,
    }),
    audit: { action: 'instruction.post', objectType: 'instruction' },
    objectName: (input) => input.operation.toUpperCase(),
    alsoNeeds: (input) => furtherPermissionToPost(input.operation),
    run: (ctx, input) => postOperation(ctx, input),
  }),

  'instructions.list': command({
    permission: 'read',
    input: z.object({
      target: serverName.optional(),
      status: z.enum(INSTRUCTION_STATUSES, { error: 'status is pending, downloaded or error' }).optional(),
      pageSize: z.number({ error: 'pageSize is a number' }).int().min(1).max(500).default(100),
    }),
    audit: { action: 'instruction.list', objectType: 'instruction' },
    run: async (ctx, input) => (await listInstructions(ctx.db, input)).rows,
  }),

  'instructions.delete': command({
    permission: 'instructions.manage',
    input: z.object({ ids: instructionIds }),
    audit: { action: 'instruction.delete', objectType: 'instruction' },
    objectName: (input) => names(input.ids.map(String)),
    run: (ctx, input) => deleteInstructions(ctx, input.ids),
  }),

  'instructions.clear-error': command({
    permission: 'instructions.manage',
    input: z.object({ ids: instructionIds }),
    audit: { action: 'instruction.clear', objectType: 'instruction' },
    objectName: (input) => names(input.ids.map(String)),
    run: (ctx, input) => clearInstructionErrors(ctx, input.ids),
  }),
}
