// msx user ...: run on the master itself, against its database (no sign-in): how the first administrator is
// made and a lost administrator password is recovered. The modules are loaded only for these verbs.
import type { Command } from 'commander'
import { readPasswordFromStdin } from './password-stdin'
import { formatTable, print } from './table'

async function serverContext() {
  const { cliContext } = await import('./context')
  return cliContext()
}

export function addUserCommands(program: Command) {
  const user = program
    .command('user')
    .description('users of the dashboard and the API (on the master, with its MSX_DATA_DIR / DATABASE_URL)')

  user
    .command('create')
    .description('create a user')
    .argument('<name>')
    .requiredOption('--role <role>', 'administrator, operator or viewer')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (name: string, o) => {
      const password = await readPasswordFromStdin(o.passwordStdin)
      const { createUser } = await import('../lib/auth/users')
      const created = await createUser(await serverContext(), { name, role: o.role, password })
      console.log(`Created user ${created.name} (${created.role}).`)
    })

  user
    .command('reset-password')
    .description("set a user's password (their browser sessions end; their API tokens stay)")
    .argument('<name>')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (name: string, o) => {
      const password = await readPasswordFromStdin(o.passwordStdin)
      const { resetPassword } = await import('../lib/auth/users')
      await resetPassword(await serverContext(), name, password)
      console.log(`Set a new password for ${name}: their browser sessions are signed out.`)
    })

  user
    .command('list')
    .description('list users')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const { listUsers } = await import('../lib/auth/users')
      const rows = await listUsers((await serverContext()).db)
      print(o.json, rows, () =>
        formatTable(rows, [
          ['User', (r) => r.name],
          ['Role', (r) => r.role],
          ['Created', (r) => r.createdAt],
          ['Last sign-in', (r) => r.lastSignInAt ?? 'never'],
          ['State', (r) => (r.disabled ? 'disabled' : r.locked ? 'locked' : 'active')],
        ]),
      )
    })
}
