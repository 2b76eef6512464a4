import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailServerInput, operatorInput } from '../msx/operator-input'
import { postWebhook, secretVault, sendMail, signatureHeader } from '.'

const received: string[] = []
let smtp: SMTPServer
let smtpPort: number
const servers: http.Server[] = []

function listen(server: SMTPServer): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
  )
}
async function receiver(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler)
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        const error = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 })
        return callback(error)
      }
      callback()
    },
    onData(stream, _session, callback) {
      let text = ''
      stream.on('data', (chunk) => (text += chunk))
      stream.on('end', () => {
        received.push(text)
        callback()
      })
    },
  })
  smtpPort = await listen(smtp)
})
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()))
  for (const s of servers) {
    s.closeAllConnections()
    s.close()
  }
})

const mail = (port: number) => ({ host: '127.0.0.1', port, security: 'none' as const, from: 'msx@example.com' })
const message = { to: 'dba@example.com', subject: 'Test', text: 'hello' }

describe('e-mail through the mail server', () => {
  it("is accepted, with the server's own answer", async () => {
    const result = await sendMail(mail(smtpPort), message)
    expect(result.ok).toBe(true)
    expect(result.answer).toMatch(/^250 /)
    expect(received.at(-1)).toContain('Subject: Test')
  })

  it('is refused with the exact 550 answer', async () => {
    const result = await sendMail(mail(smtpPort), { ...message, to: 'nobody@example.com' })
    expect(result).toEqual({ ok: false, answer: '550 5.1.1 mailbox unavailable' })
  })

  it('says the connection was refused, and where, on a closed port', async () => {
    const closed = http.createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((r) => closed.close(() => r()))
    expect(await sendMail(mail(port), message)).toEqual({
      ok: false,
      answer: `connection refused on 127.0.0.1:${port}`,
    })
  })
})

describe('the webhook', () => {
  it('is posted as JSON signed over the timestamp and body, which the receiver can verify', async () => {
    let verified = false
    let payload: unknown
    const url = await receiver((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        const t = Number(req.headers['x-msx-timestamp'])
        verified = req.headers['x-msx-signature'] === signatureHeader('s3cret-s3cret-s3cret', t, body)
        payload = JSON.parse(body)
        res.writeHead(verified ? 204 : 401).end()
      })
    })
    const result = await postWebhook({ url, secret: 's3cret-s3cret-s3cret' }, { event: 'test' })
    expect(result).toEqual({ ok: true, answer: 'HTTP 204 from the webhook' })
    expect(verified).toBe(true)
    expect(payload).toEqual({ event: 'test' })
  })

  it('reports a 401 as the receiver answered it', async () => {
    const url = await receiver((_req, res) => res.writeHead(401).end())
    expect(await postWebhook({ url, secret: 'x' }, {})).toEqual({ ok: false, answer: 'HTTP 401 from the webhook' })
  })

  it('does not follow a redirect', async () => {
    let followed = false
    const elsewhere = await receiver((_req, res) => {
      followed = true
      res.writeHead(200).end()
    })
    const url = await receiver((_req, res) => res.writeHead(302, { location: elsewhere }).end())
    const result = await postWebhook({ url, secret: 'x' }, {})
    expect(result.ok).toBe(false)
    expect(result.answer).toBe(`HTTP 302 from the webhook: a redirect to ${elsewhere}, not followed`)
    expect(followed).toBe(false)
  })

  it('gives up on a receiver that never answers', async () => {
    const url = await receiver(() => {})
    expect(await postWebhook({ url, secret: 'x' }, {}, { timeoutMs: 200 })).toEqual({
      ok: false,
      answer: 'no answer from the webhook within 0.2 s',
    })
  })
})

describe('secrets at rest', () => {
  it('are sealed with a key in the data folder, and open only with it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-vault-'))
    const vault = secretVault(dir)
    const sealed = vault.seal('hunter2-password')
    expect(sealed).not.toContain('hunter2')
    expect(vault.open(sealed)).toBe('hunter2-password')
    expect(fs.statSync(path.join(dir, 'pki', 'secrets.key')).mode & 0o777).toBe(0o600)
    const other = secretVault(fs.mkdtempSync(path.join(os.tmpdir(), 'msx-vault-')))
    expect(() => other.open(sealed)).toThrow()
  })
})

describe('the inputs', () => {
  it('need at least one channel, real addresses and an http(s) webhook', () => {
    expect(operatorInput.safeParse({ name: '' }).error?.issues[0]?.message).toMatch(/at least one way/)
    expect(operatorInput.parse({ email: ' dba@example.com ', name: '' })).toMatchObject({ name: 'MSXOperator' })
    expect(operatorInput.safeParse({ email: 'dba' }).success).toBe(false)
    expect(operatorInput.safeParse({ webhookUrl: 'ftp://example.com/x' }).error?.issues[0]?.message).toMatch(/http/)
    expect(
      mailServerInput.safeParse({ host: 'smtp.example.com', port: '0', security: 'tls', from: 'a@b.co' }).success,
    ).toBe(false)
    expect(
      mailServerInput.parse({ host: 'smtp.example.com', port: '587', security: 'starttls', from: 'a@b.co' }).port,
    ).toBe(587)
    expect(
      mailServerInput.safeParse({ host: 'smtp.example.com', port: 25, security: 'ssl', from: 'a@b.co' }).success,
    ).toBe(false)
  })
})
