import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../../test/support/fixtures'
import { secretVault } from '../notify'
import { signatureHeader } from '../notify/webhook'
import { transaction } from './context'
import {
  clearNotificationSecrets,
  readMailServer,
  readOperator,
  sendTestNotification,
  setMailServer,
  setOperator,
} from './operator'

const t = testDatabase()
const vault = secretVault(fs.mkdtempSync(path.join(os.tmpdir(), 'msx-operator-')))
let smtp: SMTPServer
let smtpPort: number
let receiver: http.Server
let hookUrl: string
let lastSignatureValid = false

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _s, cb) =>
      auth.password === 'smtp-pass-1' ? cb(null, { user: auth.username }) : cb(new Error('535 5.7.8 bad credentials')),
    onData: (stream, _s, cb) => stream.on('data', () => {}).on('end', () => cb()),
  })
  smtpPort = await new Promise((r) => smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as AddressInfo).port)))
  receiver = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      lastSignatureValid =
        req.headers['x-msx-signature'] === signatureHeader(secret, Number(req.headers['x-msx-timestamp']), body)
      res.writeHead(lastSignatureValid ? 200 : 401).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/msx`
})
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()))
  receiver.close()
})

let secret = ''

describe('the MSXOperator and the mail server', () => {
  it('are saved with secrets sealed, shown back only as set, and audited without them', async () => {
    await setMailServer(
      t.ctx,
      {
        host: '127.0.0.1',
        port: String(smtpPort),
        security: 'none',
        user: 'msx',
        password: 'smtp-pass-1',
        from: 'msx@example.com',
      },
      vault,
    )
    const change = await setOperator(t.ctx, { email: 'dba@example.com', webhookUrl: hookUrl }, vault)
    expect(change.newWebhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    secret = change.newWebhookSecret as string
    expect(await readOperator(t.ctx.db)).toEqual({
      name: 'MSXOperator',
      email: 'dba@example.com',
      pagerEmail: null,
      webhookUrl: hookUrl,
      webhookSecretSet: true,
    })
    expect(await readMailServer(t.ctx.db)).toMatchObject({ user: 'msx', passwordSet: true })
    const rows = JSON.stringify([await t.ctx.db.mailServer.findMany(), await t.ctx.db.operator.findMany()])
    const audit = JSON.stringify(await t.ctx.db.auditEvent.findMany())
    for (const text of [rows, audit]) {
      expect(text).not.toContain('smtp-pass-1')
      expect(text).not.toContain(secret)
    }
    expect(audit).toContain('password changed')
    // saved again without a secret: the one shown once is kept
    expect(
      (await setOperator(t.ctx, { email: 'dba@example.com', webhookUrl: hookUrl }, vault)).newWebhookSecret,
    ).toBeNull()
  })

  it('send a test to every channel, with each answer', async () => {
    const results = await sendTestNotification(t.ctx, { vault })
    expect(results.map((r) => r.line)).toEqual([
      expect.stringMatching(/^E-mail to dba@example\.com: sent \(250 /),
      `Webhook ${hookUrl}: sent (HTTP 200 from the webhook)`,
    ])
    expect(lastSignatureValid).toBe(true)
  })

  it('are removed, secrets and all, when the master is dismantled', async () => {
    await transaction(t.ctx.db, (tx) => clearNotificationSecrets(tx))
    expect(await readOperator(t.ctx.db)).toBeNull()
    expect(await readMailServer(t.ctx.db)).toBeNull()
    expect(await t.ctx.db.operator.count()).toBe(0)
  })
})
