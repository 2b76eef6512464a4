// JSON in and out for the master's own HTTP edges (the agent gateway and the msx API): bodies size-limited and
// validated, refusals as { error: { code, message } } with the status that fits.
import type http from 'node:http'
import type { z } from 'zod'
import { HTTP_STATUS, isMsxError } from '../lib/msx/errors'
import { MAX_BODY_BYTES, type RefusalCode } from '../lib/protocol/agent-v1'

/** A refusal of the edge itself; its code is one of the agent protocol's, which the msx API shares. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message)
  }
}

export function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

/** Answers an error: a Refusal or a rule of the model as a 4xx with its sentence; anything else as a 500. */
export function sendError(res: http.ServerResponse, error: unknown): 'refused' | 'failed' {
  if (error instanceof Refusal) {
    send(res, error.status, { error: { code: error.code, message: error.message } })
    return 'refused'
  }
  if (isMsxError(error)) {
    send(res, HTTP_STATUS[error.code], { error: { code: error.code, message: error.message } })
    return 'refused'
  }
  if (!res.headersSent) {
    const code = 'internal' satisfies RefusalCode
    send(res, 500, { error: { code, message: 'The master failed to answer; see its log.' } })
  }
  return 'failed'
}

/** Reads and validates a JSON body, refusing an oversized, malformed or wrongly shaped one. */
export async function readBody<T extends z.ZodType>(req: http.IncomingMessage, schema: T): Promise<z.infer<T>> {
  // the media type itself, not a prefix of it: application/json-patch+json is not JSON the master reads
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json')
    throw new Refusal(415, 'unsupported_media_type', 'Send the body as application/json.')
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES)
    throw new Refusal(413, 'body_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`)
  const raw = await rawBody(req)
  let json: unknown
  try {
    json = JSON.parse(raw.toString('utf8') || 'null')
  } catch {
    throw new Refusal(400, 'invalid_json', 'The body is not valid JSON.')
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    throw new Refusal(
      400,
      'invalid_body',
      `The request body is not valid: ${where}${issue?.message ?? 'unexpected shape'}.`,
    )
  }
  return parsed.data
}

/**
 * The body's bytes, refused past MAX_BODY_BYTES. A small body has usually arrived with its headers by the time
 * the route reads it: then it is taken at once, without waiting for events.
 */
function rawBody(req: http.IncomingMessage): Promise<Buffer> | Buffer {
  if (req.complete && req.readableLength <= MAX_BODY_BYTES) return (req.read() as Buffer | null) ?? Buffer.alloc(0)
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) return parts.push(chunk)
      // the rest is read and dropped rather than the connection reset, so the client gets the 413 (the server's
      // request timeout ends a body that never ends)
      parts.length = 0
      reject(new Refusal(413, 'body_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`))
    })
    req.once('end', () => resolve(Buffer.concat(parts)))
    req.once('error', reject)
    req.once('close', () => reject(new Error('the agent closed the connection before sending the whole body')))
  })
}
