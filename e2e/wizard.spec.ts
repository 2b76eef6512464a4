// The Master Server Wizard on a fresh master of its own (no MSXOperator, no target): an administrator signs in,
// follows the call to action and takes every step with real parts: an SMTP server and a webhook receiver on
// loopback, and real msx-agent processes, one enlisted with the command the wizard shows, one moved across with >,
// and one whose version the master does not accept, refused at the compatibility step.
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { SMTPServer } from 'smtp-server'
import { type Master, startMaster, TEST_PASSWORD } from '../test/support/processes'
import { agentDataDir, msxAgent, type Running, stopProcess } from './agents/msx-agent'
import { choose } from './choose'
import { expect, test } from './fixtures'

test.use({ signedIn: false })
// three real agents enlist and poll on a master started for this test: more than the default 30 s on 2 cores
test.describe.configure({ timeout: 240_000 })

const LIVE = { timeout: 30_000 }

interface Mailbox {
  server: SMTPServer
  port: number
  recipients: string[]
}

async function smtpServer(): Promise<Mailbox> {
  const recipients: string[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo: (address, _s, cb) => {
      recipients.push(address.address)
      cb()
    },
    onData: (stream, _s, cb) => stream.on('data', () => {}).on('end', () => cb()),
  })
  const port = await new Promise<number>((r) =>
    server.listen(0, '127.0.0.1', () => r((server.server.address() as AddressInfo).port)),
  )
  return { server, port, recipients }
}

interface Hook {
  server: http.Server
  url: string
  /** each request's timestamp, body and signature header */
  received: { body: string; signature: string; timestamp: string }[]
}

async function webhookReceiver(): Promise<Hook> {
  const received: Hook['received'] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      received.push({
        body,
        signature: String(req.headers['x-msx-signature'] ?? ''),
        timestamp: String(req.headers['x-msx-timestamp'] ?? ''),
      })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/msx`, received }
}

async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click()
const stepHeading = (page: Page, title: string) =>
  page.getByRole('heading', { name: new RegExp(`^Step \\d of 5: ${title}$`) })

let master: Master
const processes: Running[] = []
const folders: string[] = []

test.beforeAll(async () => {
  master = await startMaster({ MSX_ROLES: 'dashboard,gateway', MSX_MASTER_NAME: 'MSXWIZ' })
})

test.afterAll(async () => {
  await Promise.all(processes.map((p) => stopProcess(p)))
  await master?.db.$disconnect()
  await master?.stop()
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true })
})

function agent(name: string, args: string[], env: Record<string, string> = {}) {
  const dataDir = agentDataDir(name)
  folders.push(dataDir)
  const process = msxAgent(dataDir, args, env)
  processes.push(process)
  return { dataDir, process }
}

async function runAgent(dataDir: string) {
  const run = msxAgent(dataDir, ['run'])
  processes.push(run)
  await run.waitFor(/polling master/)
}

const askToEnlist = (name: string, env: Record<string, string> = {}) =>
  agent(name, ['enlist', '--master', master.url, '--name', name, '--ca-fingerprint', master.caFingerprint], env)

test('a new administrator takes a fresh master through the Master Server Wizard to two Normal targets', async ({
  page,
}) => {
  const mailbox = await smtpServer()
  const hook = await webhookReceiver()
  const dashboard = master.apiUrl
  const gatewayPort = new URL(master.url).port
  try {
    await test.step('signed in, the Manage Target Servers page offers the wizard first', async () => {
      await page.goto(`${dashboard}/sign-in`)
      await page.getByLabel('User name').fill(master.admin.name)
      await page.getByLabel('Password').fill(TEST_PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByRole('heading', { name: 'Set up this master server' })).toBeVisible()
      await page.getByRole('link', { name: 'Open the Master Server Wizard' }).click()
      await expect(page).toHaveURL(`${dashboard}/wizard/checks`)
    })

    await test.step('step 1 checks the master and gives the one firewall rule', async () => {
      await expect(stepHeading(page, 'Checks of the master')).toBeVisible()
      const checks = page.getByRole('list', { name: 'Checks of the master' })
      const check = (title: string) =>
        checks.getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) })
      await expect(check('Database')).toContainText('PassDatabaseSQLite at ')
      // this master's gateway listens on loopback only, as a test's must: no target on another server could reach it
      await expect(check('Agent gateway')).toContainText(
        `WarningAgent gatewayListening on 127.0.0.1:${gatewayPort} only`,
      )
      await expect(check('Agent gateway')).toContainText('Fix: Set MSX_GATEWAY_HOST to 0.0.0.0')
      await expect(page.getByText(`Allow TCP ${gatewayPort} from the target servers to MSXWIZ.`)).toBeVisible()
      await expect(page.getByText('The master never connects to targets.').first()).toBeVisible()
      await next(page)
    })

    const results = page.getByRole('list', { name: 'Test notification results' })
    await test.step('step 2: the MSXOperator, and a test notification reaches the SMTP server and the webhook', async () => {
      await expect(stepHeading(page, 'Master Server Operator')).toBeVisible()
      await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled()
      const mail = page.getByRole('form', { name: 'Mail server' })
      await mail.getByLabel('Mail server (SMTP host)').fill('127.0.0.1')
      await mail.getByLabel('Port').fill(String(mailbox.port))
      await choose(page, 'Security', 'None')
      await mail.getByLabel('From address').fill('msx@example.com')
      await mail.getByRole('button', { name: 'Save mail server' }).click()
      await expect(mail.getByRole('status')).toHaveText(`Saved the mail server 127.0.0.1:${mailbox.port}.`)
      const operator = page.getByRole('form', { name: 'MSXOperator' })
      await expect(operator.getByLabel('Operator name')).toHaveValue('MSXOperator')
      await operator.getByLabel('E-mail address', { exact: true }).fill('dba@example.com')
      await operator.getByLabel('Webhook URL').fill(hook.url)
      await operator.getByRole('button', { name: 'Save operator' }).click()
      await expect(operator.getByRole('status')).toHaveText('Saved the MSXOperator MSXOperator.')
      const secret = (await page.getByTestId('webhook-secret').locator('code').textContent())?.trim() ?? ''
      expect(secret.length).toBeGreaterThan(20)

      await page.getByRole('button', { name: 'Send test notification' }).click()
      await expect(results.getByRole('listitem')).toHaveText([
        /^E-mail to dba@example\.com: sent \(250 /,
        `Webhook ${hook.url}: sent (HTTP 204 from the webhook)`,
      ])
      expect(mailbox.recipients).toContain('dba@example.com')
      const [delivery] = hook.received
      const mac = crypto.createHmac('sha256', secret).update(`${delivery?.timestamp}.${delivery?.body}`).digest('hex')
      expect(delivery?.signature).toBe(`t=${delivery?.timestamp},v1=${mac}`)
    })

    await test.step('a wrong mail port shows the exact failure', async () => {
      const port = await closedPort()
      const mail = page.getByRole('form', { name: 'Mail server' })
      await mail.getByLabel('Port').fill(String(port))
      await mail.getByRole('button', { name: 'Save mail server' }).click()
      await expect(mail.getByRole('status')).toHaveText(`Saved the mail server 127.0.0.1:${port}.`)
      await page.getByRole('button', { name: 'Send test notification' }).click()
      await expect(results.getByRole('listitem').first()).toHaveText(
        `E-mail to dba@example.com: failed: connection refused on 127.0.0.1:${port}`,
      )
      await next(page)
    })

    const tooNew = askToEnlist('WIZNEW', { MSX_AGENT_REPORTED_VERSION: '0.2.0' })
    let asked: ReturnType<typeof agent> | undefined
    let byToken: ReturnType<typeof agent> | undefined
    await test.step('step 3: requests appear by themselves and move across with >; a token enlists at once', async () => {
      await expect(stepHeading(page, 'Target servers')).toBeVisible()
      const pending = page.getByLabel(/^Pending enlistment requests/)
      const selected = page.getByLabel(/^Selected target servers/)
      await expect(pending.getByRole('option', { name: /^WIZNEW · agent 0\.2\.0/ })).toBeAttached(LIVE)
      // asked while the page is open: it appears without a reload, after the one that asked first
      asked = askToEnlist('WIZASK')
      await expect(pending.getByRole('option', { name: /^WIZASK/ })).toBeAttached(LIVE)
      await expect(pending.getByRole('option')).toHaveText([/^WIZNEW/, /^WIZASK/])
      await pending.selectOption(['WIZASK', 'WIZNEW'])
      await page.getByRole('button', { name: 'Add the selected requests' }).click()
      await expect(page.getByText('Selected 2 requests to enlist.')).toBeVisible()
      await expect(selected.getByRole('option')).toHaveCount(2)
      await expect(pending.getByRole('option')).toHaveCount(0)

      await page.reload()
      await expect(stepHeading(page, 'Target servers')).toBeVisible()
      await expect(selected.getByRole('option')).toHaveCount(2)

      await page.getByLabel('Enlistments allowed').fill('1')
      await page.getByRole('button', { name: 'Create enlistment token' }).click()
      await page.getByLabel('Target server name').fill('WIZTOKEN')
      const command = page.getByRole('code').filter({ hasText: 'npx msx-agent enlist' })
      await expect(command).toContainText(/--token msxe_\S+/)
      await expect(command).toContainText(`--ca-fingerprint ${master.caFingerprint}`)
      await expect(page.getByRole('code').filter({ hasText: 'npx msx-agent doctor' })).toContainText(
        `--master https://127.0.0.1:${gatewayPort}`,
      )
      const words = ((await command.textContent()) ?? '').replaceAll('\\\n', ' ').trim().split(/\s+/)
      expect(words.slice(0, 2)).toEqual(['npx', 'msx-agent'])
      byToken = agent('WIZTOKEN', words.slice(2))
      const enlisted = await byToken.process.exited
      expect(enlisted.code, enlisted.stdout + enlisted.stderr).toBe(0)
      await next(page)
    })

    await test.step('step 4: the agent outside the version window will not be enlisted, with the reason', async () => {
      await expect(stepHeading(page, 'Compatibility')).toBeVisible()
      const checked = page.getByRole('list', { name: 'Compatibility of the selected target servers' })
      const ok = checked.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'WIZASK' }) })
      const refused = checked.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'WIZNEW' }) })
      await expect(ok).toContainText(/Will be enlisted/)
      await expect(refused).toContainText('Will not be enlisted')
      await expect(refused).toContainText('WIZNEW runs agent version 0.2.0, which is newer than the master')
      await next(page)
    })

    await test.step('step 5: Finish shows each action with its result as it happens', async () => {
      await expect(stepHeading(page, 'Complete')).toBeVisible()
      await expect(page.getByRole('list', { name: 'What Finish will do' })).toContainText('Refuse WIZNEW')
      await page.getByRole('button', { name: 'Finish', exact: true }).click()
      const actions = page.getByRole('list', { name: 'Actions and their results' }).getByRole('listitem')
      await expect(actions).toHaveText(
        [
          /^Create operator MSXOperator: done: notified by e-mail dba@example\.com, webhook /,
          /^Enlist WIZNEW: refused: WIZNEW runs agent version 0\.2\.0, which is newer than the master/,
          /^Enlist WIZASK: done: /,
        ],
        LIVE,
      )
      const done = await asked?.process.exited
      expect(done?.code, `${done?.stdout}${done?.stderr}`).toBe(0)
      const told = await tooNew.process.exited
      expect(told.code).not.toBe(0)
      expect(told.stdout + told.stderr).toContain('WIZNEW runs agent version 0.2.0, which is newer than the master')
    })

    await test.step('it ends on Manage Target Servers with the two targets Normal', async () => {
      for (const enlisted of [asked, byToken]) if (enlisted) await runAgent(enlisted.dataDir)
      await page.getByRole('link', { name: 'Manage Target Servers' }).click()
      await expect(page).toHaveURL(`${dashboard}/targets`)
      const table = page.getByRole('table', { name: 'Target servers' })
      for (const name of ['WIZASK', 'WIZTOKEN'])
        await expect(table.getByRole('row').filter({ hasText: name })).toContainText('Normal', LIVE)
      await expect(table.getByRole('row').filter({ hasText: 'WIZNEW' })).toHaveCount(0)
      await expect(page.getByRole('heading', { name: 'Set up this master server' })).toHaveCount(0)
    })
  } finally {
    await new Promise<void>((r) => mailbox.server.close(() => r()))
    hook.server.close()
  }
})
