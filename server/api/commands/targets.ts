// Target servers: the list (sp_help_targetserver), force poll, defection, re-synchronization.
import { z } from 'zod'
import { forcePoll } from '../../../lib/msx/force-poll'
import { resynchronizeTarget, resynchronizeTargets } from '../../../lib/msx/resync'
import { type Batched, batchReport, refusalLines } from '../../../lib/msx/target-batches'
import { diagnosisFacts } from '../../../lib/msx/target-diagnosis-facts'
import { listTargets, type TargetRow } from '../../../lib/msx/target-list'
import { defectTarget, defectTargets } from '../../../lib/msx/targets'
import { command } from '../command'
import { names, nothing, serverName, serverNames } from './inputs'

const LIST_PAGE = 500

/** One target by `name` (answered as before: refused with its error), or several by `names`, in batches. */
const oneOrMany = z.object({ name: serverName.optional(), names: serverNames.optional() })
const justOne = [
  (input: z.output<typeof oneOrMany>) => (input.name === undefined) !== (input.names === undefined),
  { error: 'Name one target server (name) or several (names), not both.' },
] as const
const namesOf = (input: z.output<typeof oneOrMany>) => input.names ?? (input.name === undefined ? [] : [input.name])
const count = (n: number) => `${n} target server${n === 1 ? '' : 's'}`
const unfinished = (result: Batched<unknown>) => ({
  refused: refusalLines(result),
  notDone: result.stopped?.notDone ?? [],
})

export const targetCommands = {
  'targets.list': command({
    permission: 'read',
    input: nothing,
    audit: { action: 'target.list', objectType: 'target' },
    async run(ctx) {
      const rows: TargetRow[] = []
      for (let page = 1; ; page++) {
        const list = await listTargets(ctx.db, { page, pageSize: LIST_PAGE })
        rows.push(...list.rows)
        if (rows.length >= list.total || list.rows.length === 0) return rows
      }
    },
  }),

  'targets.diagnose': command({
    permission: 'read',
    input: z.object({ name: serverName }),
    audit: { action: 'target.diagnose', objectType: 'target' },
    objectName: (input) => input.name,
    run: (ctx, input) => diagnosisFacts(ctx.db, input.name),
  }),

  'targets.force-poll': command({
    permission: 'targets.force-poll',
    input: z.object({ names: serverNames }),
    audit: { action: 'target.force-poll', objectType: 'target' },
    objectName: (input) => names(input.names),
    run: async (ctx, input) => ({ names: await forcePoll(ctx, input.names) }),
  }),

  'targets.defect': command({
    permission: 'targets.defect',
    input: oneOrMany
      .extend({ force: z.boolean({ error: 'force is true or false' }).default(false) })
      .refine(...justOne),
    audit: { action: 'target.defect', objectType: 'target' },
    objectName: (input) => names(namesOf(input)),
    alsoNeeds: (input) => (input.force ? 'targets.force-defect' : undefined),
    async run(ctx, input) {
      if (input.name !== undefined) {
        const { target, removed } = await defectTarget(ctx, input.name, { force: input.force })
        return { name: target.name, removed }
      }
      const result = await defectTargets(ctx, namesOf(input), { force: input.force })
      const done = result.done.map((t) => t.name)
      const what = input.force ? `Force-defected ${count(done.length)}.` : `Posted DEFECT to ${count(done.length)}.`
      return { names: done, removed: input.force, ...unfinished(result), message: batchReport(what, result) }
    },
  }),

  'targets.resync': command({
    permission: 'targets.resync',
    input: oneOrMany.refine(...justOne),
    audit: { action: 'target.resync', objectType: 'target' },
    objectName: (input) => names(namesOf(input)),
    async run(ctx, input) {
      if (input.name !== undefined) return resynchronizeTarget(ctx, input.name)
      const result = await resynchronizeTargets(ctx, namesOf(input))
      const removed = result.done.reduce((sum, d) => sum + d.removed, 0)
      const jobs = result.done.reduce((sum, d) => sum + d.jobs, 0)
      const what = `Re-synchronized ${count(result.done.length)}: deleted ${removed} pending instruction(s), posted DELETE of all jobs and INSERT of ${jobs} job(s).`
      return {
        names: result.done.map((d) => d.name),
        removed,
        jobs,
        ...unfinished(result),
        message: batchReport(what, result),
      }
    },
  }),
}
