'use server'

import { authedAction } from '@/lib/auth/next/action'
import { stopRuns, stopRunsInput } from '@/lib/msx/stop-runs'
import { auditKeys, instructionKeys, jobKeys, targetKeys } from '@/lib/query/keys'
import { stopRunsDone } from './stop-words'

export const stopRunsAction = authedAction({
  permission: 'jobs.run',
  audit: 'instruction.post',
  stale: [jobKeys.all, targetKeys.all, instructionKeys.all, auditKeys.all],
  input: stopRunsInput,
  run: async (ctx, input) => {
    const stopped = await stopRuns(ctx, input.runs)
    return { data: stopped, message: stopRunsDone(stopped) }
  },
})
