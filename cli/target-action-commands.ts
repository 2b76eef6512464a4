// msx post, force-poll, defect, dismantle, resync: what the master tells target servers to do (SSMS's target server actions).
// They sit apart from `msx targets` only so that msx --help keeps listing the verbs in the order it always has.
import type { Command } from 'commander'
import { DISMANTLE_EFFECT } from '../lib/msx/multiserver-wording'
import { callApi } from './api-client'
import { UsageError } from './arguments'
import { addRecipientOptions, recipientsFromOptions } from './recipients'

export function addTargetActionCommands(program: Command) {
  const post = program
    .command('post')
    .description(
      'post an operation (sp_post_msx_operation): INSERT UPDATE DELETE START STOP (--job), RE-ENLIST DEFECT SYNC-TIME SET-POLL',
    )
    .argument('<operation>')
    .option('--job <name>', 'the job, for job operations')
    .option('--value <value>', 'SET-POLL: the polling interval in seconds (10-28800)')
  addRecipientOptions(post).action(async (operation: string, o) => {
    const recipients = recipientsFromOptions(o)
    const result = await callApi('instructions.post', { operation, job: o.job, value: o.value, recipients })
    console.log(`Posted ${result.operation} to ${result.posted} target server${result.posted === 1 ? '' : 's'}.`)
  })

  program
    .command('force-poll')
    .description('make targets poll now')
    .argument('<names...>')
    .action(async (names: string[]) => {
      const polled = await callApi('targets.force-poll', { names })
      console.log(`Asked ${polled.names.join(', ')} to poll now.`)
    })

  program
    .command('defect')
    .description(
      'defect targets: post DEFECT, or with --force remove them at once and revoke their certificates; --all posts DEFECT to every target',
    )
    .argument('[names...]')
    .option('--force', 'remove them now (for targets that cannot be reached)')
    .option('--all', 'Defect all: post DEFECT to every target server not yet defecting')
    .action(async (names: string[], o) => {
      if (o.all) {
        if (names.length > 0 || o.force)
          throw new UsageError('--all defects every target: give no name, and no --force.')
        const { count } = await callApi('targets.defect-all', {})
        console.log(
          `Posted DEFECT to ${count} target server${count === 1 ? '' : 's'}: each agent removes its jobs and stops, and its target leaves the list as it does so. Agents that are offline leave when they next poll, or use msx defect --force NAME.`,
        )
        return
      }
      const [name, ...more] = names
      if (!name) throw new UsageError('Name the target servers to defect, or use --all.')
      if (more.length > 0) return reportBatch(await callApi('targets.defect', { names, force: Boolean(o.force) }))
      const defected = await callApi('targets.defect', { name, force: Boolean(o.force) })
      console.log(
        defected.removed
          ? `Force-defected ${defected.name}: removed, its certificate revoked.`
          : `Posted DEFECT to ${defected.name}: it defects at its next poll.`,
      )
    })

  program
    .command('dismantle')
    .description(
      'dismantle the multiserver configuration (refused while any target is enlisted): revoke enlistment tokens, delete the MSXOperator',
    )
    .option('--yes', 'dismantle it: without --yes, msx only says what would happen')
    .action(async (o) => {
      if (!o.yes)
        throw new UsageError(
          `${DISMANTLE_EFFECT} Run msx dismantle --yes to dismantle it (refused while any target server is enlisted: msx defect --all first).`,
        )
      const done = await callApi('master.dismantle', {})
      console.log(
        `Dismantled the multiserver configuration of ${done.name}: ${done.tokensRevoked} enlistment token(s) revoked, ${done.requestsRejected} waiting request(s) rejected, ${done.operatorDeleted ? `MSXOperator ${done.operatorDeleted} deleted` : 'no MSXOperator to delete'}. Job history and the activity log are kept; new enlistments are refused until it is made a master server again (Master Server Wizard, /wizard).`,
      )
    })

  program
    .command('resync')
    .description(
      're-synchronize targets: delete their pending instructions, post DELETE of all jobs, then INSERT of each of their jobs',
    )
    .argument('<names...>')
    .action(async (names: string[]) => {
      const [name, ...more] = names
      if (name === undefined) throw new UsageError('Name the target servers to re-synchronize.')
      if (more.length > 0) return reportBatch(await callApi('targets.resync', { names }))
      const { removed, jobs } = await callApi('targets.resync', { name })
      console.log(`Re-synchronizing ${name}: ${removed} pending instruction(s) deleted, ${jobs} job(s) posted again.`)
    })
}

/** A batched action's sentence; some refused or left undone make the command fail, for scripts. */
function reportBatch(result: { removed: unknown; message?: string; refused?: string[]; notDone?: string[] }) {
  console.log(result.message)
  if ((result.refused?.length ?? 0) > 0 || (result.notDone?.length ?? 0) > 0) process.exitCode = 1
}
