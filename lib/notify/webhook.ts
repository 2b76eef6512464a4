// The MSXOperator's webhook: a JSON POST signed with HMAC-SHA256 over "<timestamp>.<body>" (docs/notifications.md),
// redirects not followed (a redirect could carry the signed body elsewhere), answered with the receiver's status.
import crypto from 'node:crypto'
import { DELIVERY_TIMEOUT_MS, type DeliveryResult, describeSocketError, failed, sent } from './result'

export interface WebhookChannel {
  url: string
  /** the secret in clear, opened from the vault just for this delivery */
  secret: string
}

/** The X-MSX-Signature header's value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  const mac = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${mac}`
}

/** Posts `payload` as JSON; never throws: a refusal, a redirect or a silence is a failed result saying which. */
export async function postWebhook(
  channel: WebhookChannel,
  payload: unknown,
  { timeoutMs = DELIVERY_TIMEOUT_MS, now = () => Date.now() }: { timeoutMs?: number; now?: () => number } = {},
): Promise<DeliveryResult> {
  const body = JSON.stringify(payload)
  const timestamp = Math.floor(now() / 1000)
  try {
    const response = await fetch(channel.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'msx-admin',
        'x-msx-timestamp': String(timestamp),
        'x-msx-signature': signatureHeader(channel.secret, timestamp, body),
      },
      body,
    })
    await response.body?.cancel()
    if (response.status >= 300 && response.status < 400)
      return failed(
        `HTTP ${response.status} from the webhook: a redirect to ${response.headers.get('location') ?? 'elsewhere'}, not followed`,
      )
    if (!response.ok) return failed(`HTTP ${response.status} from the webhook`)
    return sent(`HTTP ${response.status} from the webhook`)
  } catch (error) {
    const e = error as { name?: string; cause?: unknown; message?: string }
    if (e.name === 'TimeoutError') return failed(`no answer from the webhook within ${timeoutMs / 1000} s`)
    const where = new URL(channel.url).host
    return failed(
      describeSocketError(e.cause ?? e, where) ?? (e.cause as Error | undefined)?.message ?? String(e.message),
    )
  }
}
