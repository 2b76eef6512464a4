'use server'

import { z } from 'zod'
import { countOf, targetServers } from '@/components/format/counts'
import { authedAction } from '@/lib/auth/next/action'
import type { MsxContext } from '@/lib/msx/context'
import { isMsxError } from '@/lib/msx/errors'
import { forcePoll } from '@/lib/msx/force-poll'
import { resynchronizeTarget } from '@/lib/msx/resync'
import { selectedTargetNames, targetSelection } from '@/lib/msx/target-selection'
import { defectTarget } from '@/lib/msx/targets'
import { groupKeys, instructionKeys, targetKeys } from '@/lib/query/keys'

const selectionInput = z.object({ selection: targetSelection })

export const forcePollAction = authedAction({
  permission: 'targets.force-poll',
  audit: 'target.force-poll',
  stale: [targetKeys.all],
  input: selectionInput,
  run: async (ctx, { selection }) => {
    const names = await selectedTargetNames(ctx.db, selection, { exceptDefecting: true })
    const done = await forcePoll(ctx, names)
    return { data: undefined, message: `Asked ${targetServers(done.length)} to poll now.` }
  },
})

/** Each target is handled on its own: one refused (e.g. gone meanwhile) does not hold back the others. */
async function eachTarget<T>(names: string[], act: (name: string) => Promise<T>) {
  const done: { name: string; result: T }[] = []
  const refused: string[] = []
  for (const name of names) {
    try {
      done.push({ name, result: await act(name) })
    } catch (error) {
      if (!isMsxError(error)) throw error
      refused.push(`${name}: ${error.message}`)
    }
  }
  return { done, refused }
}

function report(done: string, refused: string[]) {
  return refused.length > 0 ? `${done} Refused for ${refused.join('; ')}` : done
}

async function defectEach(ctx: MsxContext, names: string[], force: boolean) {
  const { done, refused } = await eachTarget(names, (name) => defectTarget(ctx, name, { force }))
  return { done: done.map((d) => d.name), refused }
}

export const defectAction = authedAction({
  permission: 'targets.defect',
  audit: 'target.defect',
  stale: [targetKeys.all, instructionKeys.all],
  input: selectionInput,
  run: async (ctx, { selection }) => {
    const result = await defectEach(ctx, await selectedTargetNames(ctx.db, selection, { exceptDefecting: true }), false)
    return { data: result, message: report(`Posted DEFECT to ${targetServers(result.done.length)}.`, result.refused) }
  },
})

export const forceDefectAction = authedAction({
  permission: 'targets.force-defect',
  audit: 'target.defect.force',
  stale: [targetKeys.all, instructionKeys.all, groupKeys.all],
  input: selectionInput,
  run: async (ctx, { selection }) => {
    const result = await defectEach(ctx, await selectedTargetNames(ctx.db, selection), true)
    return { data: result, message: report(`Force-defected ${targetServers(result.done.length)}.`, result.refused) }
  },
})

export const resyncAction = authedAction({
  permission: 'targets.resync',
  audit: 'target.resync',
  stale: [targetKeys.all, instructionKeys.all],
  input: selectionInput,
  run: async (ctx, { selection }) => {
    const names = await selectedTargetNames(ctx.db, selection)
    const { done, refused } = await eachTarget(names, (name) => resynchronizeTarget(ctx, name))
    const removed = done.reduce((sum, d) => sum + d.result.removed, 0)
    const jobs = done.reduce((sum, d) => sum + d.result.jobs, 0)
    const message =
      `Re-synchronized ${targetServers(done.length)}: deleted ${countOf(removed, 'pending instruction')}, ` +
      `posted DELETE of all jobs and INSERT of ${countOf(jobs, 'job')}.`
    return { data: { done: done.map((d) => d.name), refused }, message: report(message, refused) }
  },
})
