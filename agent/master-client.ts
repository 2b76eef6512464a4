// Talks to the master's agent gateway: JSON over HTTPS, every answer validated, refusals turned into
// MasterRefused with the master's own sentence, network failures into MasterUnreachable.
import https from 'node:https'
import type { z } from 'zod'
import { errorResponse, PROTOCOL_PREFIX } from '../lib/protocol/agent-v1'
import { AgentError, MasterRefused, MasterUnreachable } from './errors'
import type { EncryptMode } from './trust'

export interface ClientOptions {
  masterUrl: string
  encrypt: EncryptMode
  /** the master's CA: validated against in strict mode */
  caPem?: string
  /** the agent's identity, once enlisted */
  keyPem?: string
  certPem?: string
}

export class MasterClient {
  private readonly agent: https.Agent
  private readonly base: URL

  constructor(readonly options: ClientOptions) {
    this.base = new URL(options.masterUrl)
    if (this.base.protocol !== 'https:')
      throw new AgentError(`The master's address must start with https:// (got ${options.masterUrl}).`, 2)
    const strict = options.encrypt === 'strict'
    if (strict && !options.caPem)
      throw new AgentError('Strict encryption needs the master CA: give --ca-fingerprint or --ca-file.', 2)
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 2,
      ca: strict ? options.caPem : undefined,
      rejectUnauthorized: strict,
      key: options.keyPem,
      cert: options.certPem,
    })
  }

  async post<T extends z.ZodType>(
    route: string,
    body: unknown,
    schema: T,
    options: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<z.infer<T>> {
    const timeoutMs = options.timeoutMs ?? 30_000
    const payload = JSON.stringify(body)
    const url = new URL(`${PROTOCOL_PREFIX}${route}`, this.base)
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = https.request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
          timeout: timeoutMs,
        },
        (response) => {
          const parts: Buffer[] = []
          response.on('data', (chunk: Buffer) => parts.push(chunk))
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }),
          )
          response.on('error', reject)
        },
      )
      request.on('timeout', () => request.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)))
      // removed when the request ends: a long-lived signal shared by every poll must not collect listeners
      const abort = () => request.destroy(new AgentError('stopped'))
      options.signal?.addEventListener('abort', abort, { once: true })
      request.once('close', () => options.signal?.removeEventListener('abort', abort))
      request.on('error', (error: NodeJS.ErrnoException) => reject(this.unreachable(error)))
      request.end(payload)
    })
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new MasterUnreachable(
        `The master at ${this.base.origin} answered ${status} with something that is not JSON.`,
      )
    }
    if (status >= 400) {
      const refusal = errorResponse.safeParse(json)
      if (refusal.success) throw new MasterRefused(status, refusal.data.error.code, refusal.data.error.message)
      throw new MasterUnreachable(`The master at ${this.base.origin} answered ${status}.`)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success)
      throw new AgentError(
        `The master's answer to ${route} is not what this agent understands: ${parsed.error.issues[0]?.message}.`,
      )
    return parsed.data
  }

  private unreachable(error: NodeJS.ErrnoException) {
    if (error instanceof AgentError) return error
    const code = error.code ?? ''
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code) || /certificate/i.test(error.message))
      return new MasterUnreachable(
        `The master's certificate at ${this.base.origin} could not be validated (${error.message}): it is not the master this agent enlisted with, or it was re-created.`,
      )
    return new MasterUnreachable(`Cannot reach the master at ${this.base.origin}: ${error.message}.`)
  }

  close() {
    this.agent.destroy()
  }
}
