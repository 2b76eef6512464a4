// Whether an answer is the refusal a hostile case must get: a 4xx (never a 5xx, never silence), with a message.
import type { Answer, HostileCase } from './send'

const SIGN_IN = /^(https?:\/\/[^/]+)?\/sign-in(\?|$)/

function errorMessage(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: string | { message?: unknown } }
    const message = typeof body.error === 'string' ? body.error : body.error?.message
    return typeof message === 'string' && message.trim() ? message : null
  } catch {
    return null
  }
}

/** The `{ ok: false, message }` a server action answered with, from its reply (React's row "1:{...}"). */
function actionRefusal(text: string): string | null {
  for (const [, row] of text.matchAll(/^\d+:(\{.*\})$/gm)) {
    try {
      const result = JSON.parse(row ?? '') as { ok?: unknown; message?: unknown }
      if (result.ok === false && typeof result.message === 'string' && result.message) return result.message
    } catch {}
  }
  return null
}

/** What is wrong with the answer to a case, or null when it is the refusal the case must get. */
export function problemWith(c: HostileCase, answer: Answer): string | null {
  const expect = c.expect ?? 'refused'
  if (answer.closed) return `no answer: the connection ended (${answer.closed})`
  const [status = 0] = answer.statuses
  if (answer.statuses.length === 0) return 'no answer'
  const failed = answer.statuses.find((s) => s >= 500)
  if (failed) return `answered ${failed}`
  if (expect === 'action-refusal') {
    if (status !== 200) return `answered ${status}, not the action's own refusal`
    return actionRefusal(answer.body)
      ? null
      : `answered 200 without { ok: false, message }: ${answer.body.slice(0, 200)}`
  }
  const redirect = status >= 300 && status < 400
  const location = String(answer.headers.location ?? '')
  if (redirect && expect === 'refused-or-sign-in')
    return SIGN_IN.test(location) ? null : `redirected to ${location}, not to /sign-in`
  if (expect === 'slash-redirect') {
    if (status !== 308) return `answered ${status}, not 308`
    return /^\/(?![/\\])[^\\]*$/.test(location) && !location.includes('//') ? null : `redirected to ${location}`
  }
  const other = answer.statuses.find((s) => s < 400)
  if (other) return `answered ${other}, not a 4xx`
  if (c.status && status !== c.status) return `answered ${status}, not ${c.status}: ${answer.body.slice(0, 200)}`
  // the master's own refusals say what is wrong; HEAD has no body, Node's parser answers raw requests itself
  if (c.raw !== undefined || c.byNode || c.method === 'HEAD') return null
  const type = String(answer.headers['content-type'] ?? '')
  if (c.server !== 'dashboard' || type.includes('json'))
    return errorMessage(answer.body) ? null : `no error message in ${answer.body.slice(0, 200) || 'an empty body'}`
  if (type.startsWith('text/plain') && !answer.body.trim()) return 'an empty refusal'
  return null
}
