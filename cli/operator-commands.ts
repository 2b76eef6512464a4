// msx operator ... and msx mail ...: the MSXOperator, the mail server it is e-mailed through, and test notifications.
import type { Command } from 'commander'
import { exitAfterOutput } from '../lib/cli/exit'
import { callApi } from './api-client'
import { UsageError } from './arguments'
import { readPasswordFromStdin } from './password-stdin'
import { print } from './table'

async function readSecretFromStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const secret = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
  if (secret === '') throw new UsageError('--webhook-secret-stdin read no secret: standard input was empty.')
  return secret
}

const orNone = (v: string | null | undefined) => v || '(none)'

function finish(results: { ok: boolean; line: string }[]) {
  for (const r of results) console.log(r.line)
  if (results.some((r) => !r.ok)) return exitAfterOutput(1)
}

export function addOperatorCommands(program: Command) {
  const operator = program.command('operator').description('the MSXOperator: the one operator multiserver jobs notify')

  operator
    .command('show')
    .description("the MSXOperator's name, e-mail, pager e-mail and webhook (its secret is never shown)")
    .option('--json', 'print JSON')
    .action(async (o) => {
      const { operator: op } = await callApi('operator.show', {})
      print(o.json, op, () =>
        op
          ? [
              `Name:           ${op.name}`,
              `E-mail:         ${orNone(op.email)}`,
              `Pager e-mail:   ${orNone(op.pagerEmail)}`,
              `Webhook URL:    ${orNone(op.webhookUrl)}`,
              `Webhook secret: ${op.webhookSecretSet ? 'set' : 'not set'}`,
            ].join('\n')
          : 'No MSXOperator is set yet: msx operator set --email dba@example.com',
      )
    })

  operator
    .command('set')
    .description(
      'set the MSXOperator (at least one of --email, --pager-email, --webhook-url); unset options are cleared',
    )
    .option('--name <name>', 'operator name (default MSXOperator)')
    .option('--email <address>', 'e-mail address')
    .option('--pager-email <address>', 'pager e-mail address')
    .option('--webhook-url <url>', 'webhook URL (http or https)')
    .option('--webhook-secret-stdin', 'read the webhook secret from standard input (else the master makes one)')
    .option('--rotate-webhook-secret', 'make a new webhook secret (shown once)')
    .action(async (o) => {
      const { operator: current } = await callApi('operator.show', {})
      const changed = await callApi('operator.set', {
        name: o.name ?? current?.name,
        email: o.email ?? current?.email ?? undefined,
        pagerEmail: o.pagerEmail ?? current?.pagerEmail ?? undefined,
        webhookUrl: o.webhookUrl ?? current?.webhookUrl ?? undefined,
        webhookSecret: o.webhookSecretStdin ? await readSecretFromStdin() : undefined,
        rotateWebhookSecret: Boolean(o.rotateWebhookSecret),
      })
      console.log(
        changed.changed.length ? `Saved the MSXOperator (${changed.changed.join(', ')} changed).` : 'Nothing changed.',
      )
      if (changed.newWebhookSecret)
        console.log(`Webhook secret (shown once, you will not see it again):\n${changed.newWebhookSecret}`)
    })

  operator
    .command('test')
    .description("send a test notification to each of the MSXOperator's channels (exit 1 if any failed)")
    .action(async () => finish((await callApi('operator.test', {})).results))

  const mail = program.command('mail').description('the mail server the master sends e-mail through')

  mail
    .command('show')
    .description('the mail server (its password is never shown)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const { mail: m } = await callApi('mail.show', {})
      print(o.json, m, () =>
        m
          ? [
              `Host:     ${m.host}`,
              `Port:     ${m.port}`,
              `Security: ${m.security}`,
              `User:     ${orNone(m.user)}`,
              `Password: ${m.passwordSet ? 'set' : 'not set'}`,
              `From:     ${m.from}`,
            ].join('\n')
          : 'No mail server is set yet: msx mail set --host H --port P --security none|starttls|tls --from A',
      )
    })

  mail
    .command('set')
    .description('set the mail server (the password is kept unless --password-stdin is given)')
    .requiredOption('--host <host>', 'host name or address')
    .requiredOption('--port <port>', 'port, 1-65535')
    .requiredOption('--security <mode>', 'none, starttls or tls')
    .option('--user <user>', 'user name for SMTP authentication')
    .option('--password-stdin', 'read the password from standard input')
    .requiredOption('--from <address>', 'from address')
    .action(async (o) => {
      const result = await callApi('mail.set', {
        host: o.host,
        port: o.port,
        security: o.security,
        user: o.user,
        password: o.passwordStdin ? await readPasswordFromStdin(true) : undefined,
        from: o.from,
      })
      console.log(
        result.changed.length ? `Saved the mail server (${result.changed.join(', ')} changed).` : 'Nothing changed.',
      )
    })

  mail
    .command('test')
    .description('send a test e-mail through the mail server')
    .requiredOption('--to <address>', 'where to send it')
    .action(async (o) => finish([(await callApi('mail.test', { to: o.to })).result]))
}
