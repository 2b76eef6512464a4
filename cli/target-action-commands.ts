// msx post, force-poll, defect, resync: what the master tells target servers to do (SSMS's target server actions).
// They sit apart from `msx targets` only so that msx --help keeps listing the verbs in the order it always has.
import type { Command } from 'commander'
import { callApi } from './api-client'
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
    .description('defect a target: post DEFECT, or with --force remove it at once and revoke its certificate')
    .argument('<name>')
    .option('--force', 'remove it now (for a target that cannot be reached)')
    .action(async (name: string, o) => {
      const defected = await callApi('targets.defect', { name, force: Boolean(o.force) })
      console.log(
        defected.removed
          ? `Force-defected ${defected.name}: removed, its certificate revoked.`
          : `Posted DEFECT to ${defected.name}: it defects at its next poll.`,
      )
    })

  program
    .command('resync')
    .description(
      're-synchronize a target: delete its pending instructions, post DELETE of all jobs, then INSERT of each of its jobs',
    )
    .argument('<name>')
    .action(async (name: string) => {
      const { removed, jobs } = await callApi('targets.resync', { name })
      console.log(`Re-synchronizing ${name}: ${removed} pending instruction(s) deleted, ${jobs} job(s) posted again.`)
    })
}
