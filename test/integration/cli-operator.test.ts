// msx operator ... and msx mail ...: an administrator sets the MSXOperator and the mail server and sends tests to a
// real SMTP server and webhook receiver; other roles are refused; secrets never come back out. Real master and msx.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Master, startMaster, stopAll, type TestUser } from '../support/processes'

let master: Master
let viewer: TestUser
let smtp: SMTPServer
let smtpPort: number
let receiver: http.Server
let hookUrl: string

beforeAll(async () => {
  master = await startMaster()
  viewer = await master.addUser('viewer', 'vera')
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _s, cb) => cb(null, { user: auth.username }),
    onRcptTo: (address, _s, cb) =>
      address.address.startsWith('nobody@')
        ? cb(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }))
        : cb(),
    onData: (stream, _s, cb) => stream.on('data', () => {}).on('end', () => cb()),
  })
  smtpPort = await new Promise((r) => smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as AddressInfo).port)))
  receiver = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(200).end()))
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/msx`
})
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()))
  receiver.close()
  await master?.db.$disconnect()
  await stopAll()
})

const admin = (input: string | undefined, ...args: string[]) =>
  master.msxWith({ token: master.admin.token, input }, ...args)

describe('the MSXOperator from the command line', () => {
  it('an administrator sets the mail server and operator, and each channel answers the test', async () => {
    const mail = await admin(
      'smtp-secret-9',
      'mail',
      'set',
      '--host',
      '127.0.0.1',
      '--port',
      String(smtpPort),
      '--security',
      'none',
      '--user',
      'msx',
      '--password-stdin',
      '--from',
      'msx@example.com',
    )
    expect(mail.stderr).toBe('')
    expect(mail.code).toBe(0)
    const set = await admin(
      undefined,
      'operator',
      'set',
      '--email',
      'dba@example.com',
      '--pager-email',
      'nobody@example.com',
      '--webhook-url',
      hookUrl,
    )
    expect(set.code).toBe(0)
    const secret = set.stdout.match(/you will not see it again\):\n(\S+)/)?.[1] as string
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const test = await admin(undefined, 'operator', 'test')
    expect(test.code).toBe(1)
    expect(test.stdout).toMatch(/^E-mail to dba@example\.com: sent \(250 /m)
    expect(test.stdout).toContain('Pager e-mail to nobody@example.com: failed: 550 5.1.1 mailbox unavailable')
    expect(test.stdout).toContain(`Webhook ${hookUrl}: sent (HTTP 200 from the webhook)`)
    expect((await admin(undefined, 'mail', 'test', '--to', 'dba@example.com')).code).toBe(0)

    // options not given keep their value
    expect((await admin(undefined, 'operator', 'set', '--name', 'DBA on call')).code).toBe(0)
    const shown = (await admin(undefined, 'operator', 'show')).stdout + (await admin(undefined, 'mail', 'show')).stdout
    expect(shown).toContain('Webhook secret: set')
    expect(shown).toContain('Name:           DBA on call')
    expect(shown).toContain('E-mail:         dba@example.com')
    expect(shown).toContain('Password: set')
    const audit = JSON.stringify(await master.db.auditEvent.findMany())
    for (const text of [shown, audit]) {
      expect(text).not.toContain('smtp-secret-9')
      expect(text).not.toContain(secret)
    }
  })

  it('a viewer reads it but may not change it or send tests', async () => {
    expect((await master.msxWith({ token: viewer.token }, 'operator', 'show')).stdout).toContain('dba@example.com')
    for (const args of [
      ['operator', 'set', '--email', 'x@example.com'],
      ['operator', 'test'],
      ['mail', 'test', '--to', 'a@example.com'],
    ]) {
      const refused = await master.msxWith({ token: viewer.token }, ...args)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(
        'Viewers may not change the MSXOperator or the mail server, or send test notifications',
      )
    }
  })
})
