'use server'

import { z } from 'zod'
import { authedAction } from '@/lib/auth/next/action'
import { clearInstructionErrors, deleteInstructions, instructionIds } from '@/lib/msx/instructions'
import { instructionKeys, targetKeys } from '@/lib/query/keys'
import { clearedReport, deletedReport } from './wording'

const selectedInstructions = z.object({ ids: instructionIds })

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
