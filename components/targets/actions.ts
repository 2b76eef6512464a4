'use server'

import { z } from 'zod'
import { countOf, targetServers } from '@/components/format/counts'
import { authedAction } from '@/lib/auth/next/action'
import { forcePoll } from '@/lib/msx/force-poll'
import { resynchronizeTargets } from '@/lib/msx/resync'
import { type Batched, batchReport, refusalLines } from '@/lib/msx/target-batches'
import { selectedTargetNames, targetSelection } from '@/lib/msx/target-selection'
import { defectTargets } from '@/lib/msx/targets'
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

const refusals = (result: Batched<unknown>) => ({
  refused: refusalLines(result),
  notDone: result.stopped?.notDone ?? [],
})

export const defectAction = authedAction({
  permission: 'targets.defect',
  audit: 'target.defect',
  stale: [targetKeys.all, instructionKeys.all],
  input: selectionInput,
  run: async (ctx, { selection }) => {
    const names = await selectedTargetNames(ctx.db, selection, { exceptDefecting: true })
    const result = await defectTargets(ctx, names)
    return {
      data: { done: result.done.map((t) => t.name), ...refusals(result) },
      message: batchReport(`Posted DEFECT to ${targetServers(result.done.length)}.`, result),
    }
  },
})

export const forceDefectAction = authedAction({
  permission: 'targets.force-defect',
  audit: 'target.defect.force',
  stale: [targetKeys.all, instructionKeys.all, groupKeys.all],
  input: selectionInput,
  run: async (ctx, { selection }) => {
    const result = await defectTargets(ctx, await selectedTargetNames(ctx.db, selection), { force: true })
    return {
      data: { done: result.done.map((t) => t.name), ...refusals(result) },
      message: batchReport(`Force-defected ${targetServers(result.done.length)}.`, result),
    }
  },
})

export const resyncAction = authedAction({
  permission: 'targets.resync',
  audit: 'target.resync',
  stale: [targetKeys.all, instructionKeys.all],
  input: selectionInput,
  run: async (ctx, { selection }) => {
    const result = await resynchronizeTargets(ctx, await selectedTargetNames(ctx.db, selection))
    const removed = result.done.reduce((sum, d) => sum + d.removed, 0)
    const jobs = result.done.reduce((sum, d) => sum + d.jobs, 0)
    const message =
      `Re-synchronized ${targetServers(result.done.length)}: deleted ${countOf(removed, 'pending instruction')}, ` +
      `posted DELETE of all jobs and INSERT of ${countOf(jobs, 'job')}.`
    return {
      data: { done: result.done.map((d) => d.name), ...refusals(result) },
      message: batchReport(message, result),
    }
  },
})
