// Target servers: the list (sp_help_targetserver), force poll, defection, re-synchronization.
import { z } from 'zod'
import { forcePoll } from '../../../lib/msx/force-poll'
import { resynchronizeTarget } from '../../../lib/msx/resync'
import { diagnosisFacts } from '../../../lib/msx/target-diagnosis-facts'
import { listTargets, type TargetRow } from '../../../lib/msx/target-list'
import { defectTarget } from '../../../lib/msx/targets'
import { command } from '../command'
import { names, nothing, serverName, serverNames } from './inputs'

const LIST_PAGE = 500

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
    input: z.object({ name: serverName, force: z.boolean({ error: 'force is true or false' }).default(false) }),
    audit: { action: 'target.defect', objectType: 'target' },
    objectName: (input) => input.name,
    alsoNeeds: (input) => (input.force ? 'targets.force-defect' : undefined),
    async run(ctx, input) {
      const { target, removed } = await defectTarget(ctx, input.name, { force: input.force })
      return { name: target.name, removed }
    },
  }),

  'targets.resync': command({
    permission: 'targets.resync',
    input: z.object({ name: serverName }),
    audit: { action: 'target.resync', objectType: 'target' },
    objectName: (input) => input.name,
    run: (ctx, input) => resynchronizeTarget(ctx, input.name),
  }),
}
