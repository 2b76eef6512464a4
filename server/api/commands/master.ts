// The master's multiserver configuration: Defect all, and dismantling it (sp_msx_defect of every target, then
// removing the MSX role).
import { dismantleMaster } from '../../../lib/msx/master'
import { defectAllTargets } from '../../../lib/msx/targets'
import { command } from '../command'
import { nothing } from './inputs'

export const masterCommands = {
  'targets.defect-all': command({
    permission: 'targets.defect',
    input: nothing,
    audit: { action: 'target.defect.all', objectType: 'target' },
    run: (ctx) => defectAllTargets(ctx),
  }),

  'master.dismantle': command({
    permission: 'master.dismantle',
    input: nothing,
    audit: { action: 'master.dismantle', objectType: 'master' },
    async run(ctx) {
      const result = await dismantleMaster(ctx)
      return { ...result, dismantledAt: result.dismantledAt.toISOString() }
    },
  }),
}
