// E-mail to the MSXOperator through the master's mail server (nodemailer), answered with the server's own reply.
import nodemailer from 'nodemailer'
import { DELIVERY_TIMEOUT_MS, type DeliveryResult, describeSocketError, failed, sent } from './result'

export type MailSecurity = 'none' | 'starttls' | 'tls'

export interface MailSettings {
  host: string
  port: number
  security: MailSecurity
  user?: string | null
  /** the password in clear, opened from the vault just for this delivery */
  password?: string | null
  from: string
}

export interface MailMessage {
  to: string
  subject: string
  text: string
  /** an HTML alternative to the text */
  html?: string
}

/** Sends one message; never throws: a refusal or a socket error is a failed result with the exact answer. */
export async function sendMail(
  settings: MailSettings,
  message: MailMessage,
  { timeoutMs = DELIVERY_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<DeliveryResult> {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
  })
  try {
    const info = await transport.sendMail({ from: settings.from, ...message })
    return sent(info.response)
  } catch (error) {
    return failed(describeMailError(error, `${settings.host}:${settings.port}`))
  } finally {
    transport.close()
  }
}

function describeMailError(error: unknown, where: string): string {
  const e = error as { response?: string; code?: string; message?: string }
  if (e.response) return e.response
  const socket = describeSocketError(error, where)
  if (socket) return socket
  if (e.code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? '')) return `no answer from ${where} (timed out)`
  return e.message ?? String(error)
}
