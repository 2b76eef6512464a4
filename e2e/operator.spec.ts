// Settings' Master Server Operator and Mail server cards: an administrator sets both against a real SMTP server and
// webhook receiver started here, sends the test notification and reads each channel's answer; a wrong port shows
// the exact failure. The master is shared with other specs: everything set here is cleared at the end.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { transaction } from '../lib/msx/context'
import { clearNotificationSecrets } from '../lib/msx/operator'
import { choose } from './choose'
import { expect, test } from './fixtures'

test('an administrator sets the mail server and MSXOperator and sees each channel answer the test', async ({
  page,
  msx,
}) => {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, _s, cb) => stream.on('data', () => {}).on('end', () => cb()),
  })
  const smtpPort = await new Promise<number>((r) =>
    smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as AddressInfo).port)),
  )
  const receiver = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(401).end()))
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/msx`
  const closed = http.createServer()
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
  const closedPort = (closed.address() as AddressInfo).port
  await new Promise<void>((r) => closed.close(() => r()))
  try {
    await page.goto('/settings')
    const mail = page.getByRole('form', { name: 'Mail server' })
    const operator = page.getByRole('form', { name: 'MSXOperator' })
    const results = page.getByRole('list', { name: 'Test notification results' })

    await test.step('the mail server and the operator are saved; the new webhook secret is shown once', async () => {
      await mail.getByLabel('Mail server (SMTP host)').fill('127.0.0.1')
      await mail.getByLabel('Port').fill(String(smtpPort))
      await choose(page, 'Security', 'None')
      await mail.getByLabel('From address').fill('msx@example.com')
      await mail.getByRole('button', { name: 'Save mail server' }).click()
      await expect(mail.getByRole('status')).toHaveText(`Saved the mail server 127.0.0.1:${smtpPort}.`)
      await operator.getByLabel('E-mail address', { exact: true }).fill('dba@example.com')
      await operator.getByLabel('Webhook URL').fill(hookUrl)
      await operator.getByRole('button', { name: 'Save operator' }).click()
      await expect(operator.getByRole('status')).toHaveText('Saved the MSXOperator MSXOperator.')
      await expect(page.getByTestId('webhook-secret')).toContainText('you will not see it again')
    })

    await test.step('the test notification shows one line per channel with its answer', async () => {
      await page.getByRole('button', { name: 'Send test notification' }).click()
      await expect(results.getByRole('listitem')).toHaveText([
        /^E-mail to dba@example\.com: sent \(250 /,
        `Webhook ${hookUrl}: failed: HTTP 401 from the webhook`,
      ])
    })

    await test.step('a wrong mail port shows the exact failure', async () => {
      await mail.getByLabel('Port').fill(String(closedPort))
      await mail.getByRole('button', { name: 'Save mail server' }).click()
      await expect(mail.getByRole('status')).toHaveText(`Saved the mail server 127.0.0.1:${closedPort}.`)
      await page.getByRole('button', { name: 'Send test notification' }).click()
      await expect(results.getByRole('listitem').first()).toHaveText(
        `E-mail to dba@example.com: failed: connection refused on 127.0.0.1:${closedPort}`,
      )
    })
  } finally {
    await transaction(msx.db, (tx) => clearNotificationSecrets(tx))
    await new Promise<void>((r) => smtp.close(() => r()))
    receiver.close()
  }
})
