// Server action requests are checked before Next.js decodes them: Next.js answers a cross-site, oversized or
// malformed one with a 500, as if the master had failed, where the request is at fault. The proxy refuses them
// with a 4xx that says what is wrong; what a browser of this dashboard sends passes unchanged.
import { isSameOrigin } from './origin'

/** Next.js's limit for a server action's body (its serverActions.bodySizeLimit default). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024
/** The arguments of this dashboard's actions are a form or a small object; nothing nests this deep. */
const MAX_DEPTH = 64

/** Values of React's reply encoding that stand alone: an escaped "$", constants, dates, bigints, temporary references. */
const STANDALONE = /^\$(\$|undefined$|NaN$|-?Infinity$|-0$|D|T|K[0-9a-f]*$|n-?\d+$)/
/** A reference to another part of the body: "$" (a type letter) its id in hex (a path into it). */
const REFERENCE = /^\$([A-Za-z@]?)([0-9a-f]+)((?::[^:]*)*)$/
const FORBIDDEN_STEPS = new Set(['__proto__', 'constructor', 'prototype'])
/** A part of a multipart body: its id, within the bound arguments of a no-script form post when prefixed. */
const PART = /^(\$ACTION_\d+:)?([0-9a-f]+)$/

const NOT_A_LIST = 'The arguments are not a list.'

const refusal = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })

/** What Next.js may take for a server action: a POST with Next-Action, or any multipart form POST. */
export function isActionRequest(method: string, headers: Headers): boolean {
  if (method !== 'POST') return false
  return headers.has('next-action') || (headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')
}

/** The first thing wrong with one part of a reply (parsed JSON), or null; `parts` holds the ids the body has. */
function problemIn(value: unknown, prefix: string, parts: Set<string>): string | null {
  const stack: [unknown, number][] = [[value, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, depth] = next
    if (depth > MAX_DEPTH) return `The arguments nest deeper than ${MAX_DEPTH} levels.`
    if (typeof item === 'string') {
      if (!item.startsWith('$') || STANDALONE.test(item)) continue
      const reference = REFERENCE.exec(item)
      if (!reference) return 'The arguments hold a value this dashboard does not send.'
      const steps = (reference[3] ?? '').split(':').slice(1)
      if (steps.some((step) => FORBIDDEN_STEPS.has(step))) return 'The arguments hold a forbidden reference.'
      if (!parts.has(prefix + reference[2])) return 'The arguments refer to a part the body does not have.'
    } else if (item && typeof item === 'object') {
      for (const child of Object.values(item)) stack.push([child, depth + 1])
    }
  }
  return null
}

function parsed(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return null
  }
}

/** Every part of a multipart reply is JSON whose references lead to parts the body has. */
function multipartProblem(form: FormData, fetchAction: boolean): string | null {
  const parts = new Set<string>()
  for (const [name] of form) if (PART.test(name)) parts.add(name)
  if (fetchAction && !parts.has('0')) return 'The form data has no arguments (part 0).'
  for (const [name, value] of form) {
    const part = PART.exec(name)
    if (!part || typeof value !== 'string') continue
    const json = parsed(value)
    if (!json) return `Part ${name} of the form data is not valid JSON.`
    if (fetchAction && name === '0' && !Array.isArray(json.value)) return NOT_A_LIST
    const problem = problemIn(json.value, part[1] ?? '', parts)
    if (problem) return problem
  }
  return null
}

/** A refusal for a server action request that Next.js would fail on, or null to let it through. */
export async function actionRequestRefusal(request: Request): Promise<Response | null> {
  if (!isActionRequest(request.method, request.headers)) return null
  if (!isSameOrigin(request.headers)) return refusal(403, 'Cross-site requests are refused.')
  const tooLarge = () => refusal(413, `The request body is larger than ${MAX_ACTION_BODY_BYTES} bytes.`)
  if (Number(request.headers.get('content-length') ?? 0) > MAX_ACTION_BODY_BYTES) return tooLarge()
  let body: ArrayBuffer
  try {
    body = await request.arrayBuffer()
  } catch {
    return refusal(400, 'The request body could not be read.')
  }
  if (body.byteLength > MAX_ACTION_BODY_BYTES) return tooLarge()
  const type = request.headers.get('content-type') ?? ''
  const fetchAction = request.headers.has('next-action')
  if (type.toLowerCase().startsWith('multipart/')) {
    let form: FormData
    try {
      form = await new Response(body, { headers: { 'content-type': type } }).formData()
    } catch {
      return refusal(400, 'The form data is malformed.')
    }
    const problem = multipartProblem(form, fetchAction)
    return problem ? refusal(400, problem) : null
  }
  const json = parsed(new TextDecoder().decode(body))
  if (!json) return refusal(400, 'The arguments are not valid JSON.')
  if (!Array.isArray(json.value)) return refusal(400, NOT_A_LIST)
  const problem = problemIn(json.value, '', new Set())
  return problem ? refusal(400, problem) : null
}
