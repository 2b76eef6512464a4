// Signing in and out, who msx acts as, and the signed-in user's API tokens.
import os from 'node:os'
import type { Command } from 'commander'
import { storeSignIn } from '../lib/cli/credentials-file'
import { masterUrlSchema } from '../lib/cli/master-address'
import { refused } from '../lib/msx/errors'
import { callApi, currentSettings, postJson } from './api-client'
import { parseDuration, UsageError, wholeNumberId } from './arguments'
import { readPasswordFromStdin } from './password-stdin'
import { signOutOfAll, signOutOfOne } from './sign-out'
import { formatTable, print } from './table'

interface LoginAnswer {
  token: string
  expiresAt: string
  user: { name: string; role: string }
}

/** "90d" as whole days, for an API token's lifetime. */
function wholeDaysOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const seconds = parseDuration(text)
  if (seconds === null || seconds === 0 || seconds % 86_400 !== 0)
    throw new UsageError(`--expires "${text}" is not a number of days such as 30d or 90d.`)
  return seconds / 86_400
}

function masterUrl(given: string | undefined): string {
  if (given === undefined) return currentSettings().masterUrl
  const parsed = masterUrlSchema.safeParse(given)
  if (!parsed.success) throw new UsageError(`--master "${given}" is not an http:// or https:// address.`)
  return parsed.data
}

export function addSessionCommands(program: Command) {
  program
    .command('login')
    .description(
      "sign in to a master as NAME; the API token msx acts with there is stored for this OS user, beside other masters' tokens",
    )
    .argument('<name>')
    .option('--password-stdin', 'read the password from standard input')
    .option(
      '--master <url>',
      "the master's dashboard address (default: MSX_URL, the last one signed in to, or http://127.0.0.1:3000)",
    )
    .option('--label <text>', 'what the token is for', `msx on ${os.hostname()}`)
    .option('--expires <duration>', 'how long the token is valid, in days: 30d, 90d (default 90d)')
    .action(async (name: string, o) => {
      const url = masterUrl(o.master)
      const expiresInDays = wholeDaysOf(o.expires)
      const password = await readPasswordFromStdin(o.passwordStdin)
      const answer = (await postJson(url, 'login', { name, password, label: o.label, expiresInDays })) as LoginAnswer
      const file = currentSettings().credentialsFile
      storeSignIn(file, url, { token: answer.token, name: answer.user.name, role: answer.user.role })
      console.log(`Signed in to ${url} as ${answer.user.name} (${answer.user.role}). Token stored in ${file}.`)
    })

  program
    .command('logout')
    .description("revoke the API token msx acts with on a master, and forget it; other masters' stay")
    .option('--master <url>', "the master to sign out of (default: the one msx talks to, MSX_URL's or the last one)")
    .option('--all', 'sign out of every master msx has a token for')
    .action(async (o) => {
      if (o.all && o.master !== undefined) throw new UsageError('Give --all or --master URL, not both.')
      if (!o.all) return console.log(await signOutOfOne(currentSettings(), masterUrl(o.master)))
      const { done, failed } = await signOutOfAll(currentSettings())
      for (const line of done) console.log(line)
      if (failed.length > 0) throw refused(failed.join('\n'))
    })

  program
    .command('whoami')
    .description('the user msx acts as, and the master; and the other masters msx has a token for')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const me = await callApi('whoami', {})
      const { masterUrl: url, credentials } = currentSettings()
      const signedInTo = Object.entries(credentials.masters).map(([master, { name, role }]) => ({ master, name, role }))
      print(o.json, { ...me, master: url, signedInTo }, () => {
        const label = me.token.label ? ` "${me.token.label}"` : ''
        const others = signedInTo
          .filter(({ master }) => master !== url)
          .map(({ master, name, role }) => `\nalso signed in to ${master}${name ? ` as ${name} (${role})` : ''}`)
        return `${me.name} (${me.role}) on ${url}, API token ${me.token.id}${label}, expires ${me.token.expiresAt}${others.join('')}`
      })
    })

  const apiToken = program.command('api-token').description('your API tokens (for scripts: MSX_API_TOKEN)')
  apiToken
    .command('create')
    .description('create an API token (shown once)')
    .option('--label <text>', 'what it is for', '')
    .option('--expires <duration>', 'how long it is valid, in days: 30d, 90d (default 90d)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const created = await callApi('api-tokens.create', { label: o.label, expiresInDays: wholeDaysOf(o.expires) })
      print(
        o.json,
        created,
        () => `${created.token}\n(API token ${created.id}: expires ${created.expiresAt}; shown only now, keep it safe)`,
      )
    })
  apiToken
    .command('list')
    .description('list your API tokens (--all: everyone’s, for administrators)')
    .option('--all', 'every user’s tokens')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const rows = await callApi('api-tokens.list', { all: Boolean(o.all) })
      print(o.json, rows, () =>
        formatTable(rows, [
          ['Id', (r) => r.id],
          ['User', (r) => r.user],
          ['Label', (r) => r.label],
          ['Token', (r) => r.hint],
          ['Created', (r) => r.createdAt],
          ['Last used', (r) => r.lastUsedAt],
          ['Expires', (r) => r.expiresAt],
          ['From', (r) => r.address],
        ]),
      )
    })
  apiToken
    .command('revoke')
    .description('revoke an API token: the next request with it is refused')
    .argument('<id>')
    .action(async (id: string) => {
      await callApi('api-tokens.revoke', { id: wholeNumberId(id, 'an API token id') })
      console.log(`Revoked API token ${id}.`)
    })
}
