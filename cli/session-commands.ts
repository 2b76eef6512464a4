// Signing in and out, who msx acts as, and the signed-in user's API tokens.
import os from 'node:os'
import type { Command } from 'commander'
import { masterUrlSchema, storeCredentials } from '../lib/cli/client-config'
import { callApi, currentSettings, postJson } from './api-client'
import { parseDuration, UsageError, wholeNumberId } from './arguments'
import { readPasswordFromStdin } from './password-stdin'
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
    .description('sign in to the master as NAME; the API token msx acts with is stored for this OS user')
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
      storeCredentials(file, { master: url, token: answer.token, name: answer.user.name, role: answer.user.role })
      console.log(`Signed in to ${url} as ${answer.user.name} (${answer.user.role}). Token stored in ${file}.`)
    })

  program
    .command('logout')
    .description('revoke the API token msx acts with, and forget it')
    .action(async () => {
      const settings = currentSettings()
      await callApi('logout', {})
      if (settings.stored && settings.stored.token === settings.token) {
        const { token: _revoked, ...rest } = settings.stored
        storeCredentials(settings.credentialsFile, rest)
      }
      console.log(`Signed out of ${settings.masterUrl}: the API token is revoked.`)
    })

  program
    .command('whoami')
    .description('the user msx acts as, and the master')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const me = await callApi('whoami', {})
      const { masterUrl: url } = currentSettings()
      print(o.json, { ...me, master: url }, () => {
        const label = me.token.label ? ` "${me.token.label}"` : ''
        return `${me.name} (${me.role}) on ${url}, API token ${me.token.id}${label}, expires ${me.token.expiresAt}`
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
