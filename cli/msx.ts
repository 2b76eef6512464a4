// msx: the master's command line, for scripting (the stored procedures' side of the product). Every verb calls
// the master's msx API as the signed-in user (msx login), whose role decides what it may do; `msx user` works on
// the master's database directly. Exit codes: 0 done, 1 refused (the message says why), 2 bad usage.
import { Command, CommanderError, Option } from 'commander'
import { ClientConfigError } from '../lib/cli/client-config'
import { exitAfterOutput } from '../lib/cli/exit'
import { isMsxError } from '../lib/msx/errors'
import type { INSTRUCTION_STATUSES } from '../lib/msx/instructions'
import type { Recipients } from '../lib/msx/recipients'
import { callApi } from './api-client'
import { addJobCommands } from './job-commands'
import { addSessionCommands } from './session-commands'
import { formatTable, parseDuration, print, UsageError, wholeNumberId } from './table'
import { addUserCommands } from './user-commands'

const STATUSES = ['pending', 'downloaded', 'error'] as const satisfies typeof INSTRUCTION_STATUSES

const program = new Command('msx')
  .description('msx-admin master server: manage target servers, enlistment and instructions from the shell.')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) })

const ids = (values: string[]) => values.map((v) => wholeNumberId(v, 'an instruction id'))

const token = program.command('token').description('enlistment tokens')
token
  .command('create')
  .description('create an enlistment token (shown once)')
  .option('--uses <n>', 'how many enlistments it allows (default: unlimited until it expires)')
  .option('--expires <duration>', 'how long it is valid: 30m, 24h, 7d', '24h')
  .option('--label <text>', 'what it is for')
  .option('--json', 'print JSON')
  .action(async (o) => {
    const lifetime = parseDuration(o.expires)
    if (lifetime === null) throw new UsageError(`--expires "${o.expires}" is not a duration such as 30m, 24h or 7d.`)
    if (o.uses !== undefined && !/^\d+$/.test(o.uses)) throw new UsageError('--uses takes a whole number.')
    const data = await callApi('enlistment.token-create', {
      uses: o.uses === undefined ? undefined : Number(o.uses),
      expiresInSeconds: lifetime,
      label: o.label,
    })
    print(
      o.json,
      data,
      () => `${data.token}\n(token ${data.id}: ${data.uses ?? 'unlimited'} use(s), expires ${data.expiresAt})`,
    )
  })

token
  .command('list')
  .description('the enlistment tokens that still enlist (--all: also expired, used up and revoked ones)')
  .option('--all', 'every token, with why it no longer enlists')
  .option('--json', 'print JSON')
  .action(async (o) => {
    const rows = await callApi('enlistment.token-list', { all: Boolean(o.all) })
    print(o.json, rows, () =>
      formatTable(rows, [
        ['Id', (r) => r.id],
        ['Label', (r) => r.label],
        ['State', (r) => r.state],
        ['Uses left', (r) => r.usesLeft ?? 'unlimited'],
        ['Expires', (r) => r.expiresAt],
        ['Created by', (r) => r.createdBy],
        ['Created', (r) => r.createdAt],
      ]),
    )
  })
token
  .command('revoke')
  .description('revoke an enlistment token: agents presenting it are refused from now on')
  .argument('<id>')
  .action(async (id: string) => {
    await callApi('enlistment.token-revoke', { id: wholeNumberId(id, 'an enlistment token id') })
    console.log(`Revoked enlistment token ${id}.`)
  })

program
  .command('ca-fingerprint')
  .description(
    "print the SHA-256 fingerprint of the master's certificate authority (for msx-agent enlist --ca-fingerprint)",
  )
  .action(async () => {
    console.log((await callApi('enlistment.ca-fingerprint', {})).fingerprint)
  })

program
  .command('targets')
  .description('list target servers (sp_help_targetserver)')
  .option('--json', 'print JSON')
  .action(async (o) => {
    const rows = await callApi('targets.list', {})
    print(o.json, rows, () =>
      formatTable(rows, [
        ['Target server', (r) => r.name],
        ['Location', (r) => r.location],
        ['Local time', (r) => r.localTime],
        ['Last polled', (r) => r.lastPolled ?? 'never'],
        ['Unread', (r) => r.unreadInstructions],
        ['Status', (r) => r.status],
        ['Poll interval', (r) => `${r.pollIntervalSeconds} s`],
        ['Version', (r) => r.agentVersion],
        ['Clock skew', (r) => (r.clockSkewMs === null ? '' : `${r.clockSkewMs} ms`)],
      ]),
    )
  })

program
  .command('enlist-requests')
  .description('list targets waiting for approval to enlist')
  .option('--json', 'print JSON')
  .action(async (o) => {
    const rows = await callApi('enlistment.requests', {})
    print(o.json, rows, () =>
      formatTable(rows, [
        ['Target server', (r) => r.name],
        ['Location', (r) => r.location],
        ['Agent version', (r) => r.agentVersion],
        ['Key fingerprint', (r) => r.keyFingerprint],
        ['From', (r) => r.sourceAddress],
        ['Asked', (r) => r.requestedAt],
      ]),
    )
  })

program
  .command('approve')
  .description('enlist targets waiting for approval')
  .argument('<names...>')
  .action(async (names: string[]) => {
    const approved = await callApi('enlistment.approve', { names })
    console.log(`Enlisted ${approved.names.join(', ')}: pending until each agent collects its certificate.`)
  })

program
  .command('reject')
  .description('reject targets waiting for approval')
  .argument('<names...>')
  .option('--reason <text>', 'told to the agent', '')
  .action(async (names: string[], o) => {
    console.log(`Rejected ${(await callApi('enlistment.reject', { names, reason: o.reason })).names.join(', ')}.`)
  })

program
  .command('post')
  .description(
    'post an operation (sp_post_msx_operation): INSERT UPDATE DELETE START STOP (--job), RE-ENLIST DEFECT SYNC-TIME SET-POLL',
  )
  .argument('<operation>')
  .option('--job <name>', 'the job, for job operations')
  .option('--value <value>', 'SET-POLL: the polling interval in seconds (10-28800)')
  .addOption(new Option('--target <names...>', 'to these target servers').conflicts(['group', 'all']))
  .addOption(new Option('--group <name>', "to a group's members").conflicts(['all']))
  .option('--all', 'to all target servers')
  .action(async (operation: string, o) => {
    const recipients: Recipients | null = o.all
      ? { all: true }
      : o.group
        ? { group: o.group }
        : o.target
          ? { targets: o.target }
          : null
    if (!recipients) throw new UsageError('Say who receives it: --target NAME..., --group NAME or --all.')
    const result = await callApi('instructions.post', { operation, job: o.job, value: o.value, recipients })
    console.log(`Posted ${result.operation} to ${result.posted} target server${result.posted === 1 ? '' : 's'}.`)
  })

program
  .command('force-poll')
  .description('make targets poll now')
  .argument('<names...>')
  .action(async (names: string[]) => {
    const done = await callApi('targets.force-poll', { names })
    console.log(`Asked ${done.names.join(', ')} to poll now.`)
  })

program
  .command('defect')
  .description('defect a target: post DEFECT, or with --force remove it at once and revoke its certificate')
  .argument('<name>')
  .option('--force', 'remove it now (for a target that cannot be reached)')
  .action(async (name: string, o) => {
    const target = await callApi('targets.defect', { name, force: Boolean(o.force) })
    console.log(
      target.removed
        ? `Force-defected ${target.name}: removed, its certificate revoked.`
        : `Posted DEFECT to ${target.name}: it defects at its next poll.`,
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

program
  .command('instructions')
  .description('list download instructions, newest first')
  .option('--target <name>', 'of this target server')
  .addOption(new Option('--status <status>', 'pending, downloaded or error').choices(STATUSES))
  .option('--limit <n>', 'at most this many', '100')
  .option('--json', 'print JSON')
  .action(async (o) => {
    const rows = await callApi('instructions.list', {
      target: o.target,
      status: o.status,
      pageSize: Math.min(500, Number(o.limit) || 100),
    })
    print(o.json, rows, () =>
      formatTable(rows, [
        ['Id', (r) => r.id],
        ['Target server', (r) => r.targetName],
        ['Operation', (r) => r.operation],
        ['Object', (r) => r.objectName ?? r.value ?? ''],
        ['Posted', (r) => r.datePosted],
        ['Downloaded', (r) => r.errorMessage ?? r.dateDownloaded ?? ''],
        ['Status', (r) => r.status],
      ]),
    )
  })

program
  .command('delete-instruction')
  .description('delete download instructions (a deleted error no longer blocks its target)')
  .argument('<ids...>')
  .action(async (values: string[]) => {
    console.log(`Deleted ${(await callApi('instructions.delete', { ids: ids(values) })).deleted} instruction(s).`)
  })

program
  .command('clear-error')
  .description('clear the error of download instructions: the target downloads them again and its downloads resume')
  .argument('<ids...>')
  .action(async (values: string[]) => {
    console.log(`Cleared ${(await callApi('instructions.clear-error', { ids: ids(values) })).cleared} error(s).`)
  })

addJobCommands(program)
addSessionCommands(program)
addUserCommands(program)

program.parseAsync(process.argv).then(
  () => exitAfterOutput(0),
  (error: unknown) => {
    if (error instanceof CommanderError) return exitAfterOutput(error.exitCode === 0 ? 0 : 2)
    if (error instanceof UsageError || error instanceof ClientConfigError) {
      console.error(`msx: ${error.message}`)
      return exitAfterOutput(2)
    }
    if (isMsxError(error)) {
      console.error(`msx: ${error.message}`)
      return exitAfterOutput(error.code === 'invalid' ? 2 : 1)
    }
    console.error(`msx: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return exitAfterOutput(1)
  },
)
