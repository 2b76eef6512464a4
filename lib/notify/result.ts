// What one delivery attempt got: sent or failed, with the mail server's or the receiver's own answer.
export interface DeliveryResult {
  ok: boolean
  /** the exact answer: "250 2.0.0 Ok: queued as 4F2A", "550 5.1.1 mailbox unavailable", "HTTP 401 from the webhook" */
  answer: string
}

export const sent = (answer: string): DeliveryResult => ({ ok: true, answer })
export const failed = (answer: string): DeliveryResult => ({ ok: false, answer })

/** Connection timeouts of every channel: short, so Send test notification never leaves the page waiting long. */
export const DELIVERY_TIMEOUT_MS = 10_000

/** A socket error in a DBA's words: "connection refused on 10.0.0.5:25". */
export function describeSocketError(error: unknown, fallback: string): string | undefined {
  const e = error as { code?: string; address?: string; port?: number; message?: string; hostname?: string }
  const where = e.address
    ? `${e.address}${e.port ? `:${e.port}` : ''}`
    : (e.message?.match(/\s(\S+:\d+)$/)?.[1] ?? fallback)
  // nodemailer wraps the socket's code (ECONNECTION) and keeps it only in the message
  const code = e.message?.match(/\b(E[A-Z]{4,})\b/)?.[1] ?? e.code
  if (code === 'ECONNREFUSED') return `connection refused on ${where}`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host name ${e.hostname ?? fallback} not found`
  if (code === 'ECONNRESET') return `connection reset by ${where}`
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `no route to ${where}`
  return undefined
}
