'use server'

import { z } from 'zod'
import { authedAction } from '@/lib/auth/next/action'
import { clearInstructionErrors, deleteInstructions } from '@/lib/msx/instructions'
import { instructionKeys, targetKeys } from '@/lib/query/keys'
import { clearedReport, deletedReport } from './wording'

const MAX_SELECTION = 10_000
const selectedInstructions = z.object({
  ids: z
    .array(z.number().int().positive('an instruction id is a positive whole number'))
    .min(1, 'select at least one instruction')
    .max(MAX_SELECTION, `select at most ${MAX_SELECTION.toLocaleString('en-US')} instructions at once`),
})

export const deleteInstructionsAction = authedAction({
  permission: 'instructions.manage',
  audit: 'instruction.delete',
  stale: [instructionKeys.all, targetKeys.all],
  input: selectedInstructions,
  run: async (ctx, { ids }) => {
    const done = await deleteInstructions(ctx, ids)
    return { data: done, message: deletedReport(done) }
  },
})

export const clearInstructionErrorsAction = authedAction({
  permission: 'instructions.manage',
  audit: 'instruction.clear',
  stale: [instructionKeys.all, targetKeys.all],
  input: selectedInstructions,
  run: async (ctx, { ids }) => {
    const done = await clearInstructionErrors(ctx, ids)
    return { data: done, message: clearedReport(done) }
  },
})
