// msx token ... and msx ca-fingerprint: what an agent needs to enlist (msx-agent enlist --token --ca-fingerprint).
import type { Command } from 'commander'
import { callApi } from './api-client'
import { parseDuration, UsageError, wholeNumberId } from './arguments'
import { formatTable, print } from './table'

export function addTokenCommands(program: Command) {
  const enlistmentToken = program.command('token').description('enlistment tokens')

  enlistmentToken
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
      const created = await callApi('enlistment.token-create', {
        uses: o.uses === undefined ? undefined : Number(o.uses),
        expiresInSeconds: lifetime,
        label: o.label,
      })
      print(
        o.json,
        created,
        () =>
          `${created.token}\n(token ${created.id}: ${created.uses ?? 'unlimited'} use(s), expires ${created.expiresAt})`,
      )
    })

  enlistmentToken
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

  enlistmentToken
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
}
