'use server'

import { z } from 'zod'
import { authedAction } from '@/lib/auth/next/action'
import type { MsxContext } from '@/lib/msx/context'
import { isMsxError } from '@/lib/msx/errors'
import { forcePoll } from '@/lib/msx/force-poll'
import { defectTarget } from '@/lib/msx/targets'

const MAX_SELECTION = 10_000
const targetNames = z.object({
  names: z
    .array(z.string().trim().min(1).max(128))
    .min(1, 'select at least one target server')
    .max(MAX_SELECTION, `select at most ${MAX_SELECTION} target servers at once`),
})

const plural = (n: number) => `${n} target server${n === 1 ? '' : 's'}`

export const forcePollAction = authedAction({
  permission: 'targets.force-poll',
  audit: 'target.force-poll',
  input: targetNames,
  run: async (ctx, { names }) => {
    const done = await forcePoll(ctx, names)
    return { data: undefined, message: `Asked ${plural(done.length)} to poll now.` }
  },
})

/** Each target defects on its own: one refused (e.g. gone meanwhile) does not hold back the others. */
async function defectEach(ctx: MsxContext, names: string[], force: boolean) {
  const done: string[] = []
  const refused: string[] = []
  for (const name of names) {
    try {
      await defectTarget(ctx, name, { force })
      done.push(name)
    } catch (error) {
      if (!isMsxError(error)) throw error
      refused.push(`${name}: ${error.message}`)
    }
  }
  return { done, refused }
}

function report(verb: string, result: { done: string[]; refused: string[] }) {
  const parts = [`${verb} ${plural(result.done.length)}.`]
  if (result.refused.length > 0) parts.push(`Refused for ${result.refused.join('; ')}`)
  return parts.join(' ')
}

export const defectAction = authedAction({
  permission: 'targets.defect',
  audit: 'target.defect',
  input: targetNames,
  run: async (ctx, { names }) => {
    const result = await defectEach(ctx, names, false)
    return { data: result, message: report('Posted DEFECT to', result) }
  },
})

export const forceDefectAction = authedAction({
  permission: 'targets.force-defect',
  audit: 'target.defect.force',
  input: targetNames,
  run: async (ctx, { names }) => {
    const result = await defectEach(ctx, names, true)
    return { data: result, message: report('Force-defected', result) }
  },
})
