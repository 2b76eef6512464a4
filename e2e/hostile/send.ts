// Sends one hostile request exactly as written (no browser, no normalization) and records what came back.
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'

export type Server = 'gateway' | 'dashboard' | 'api'

/**
 * What a case must get back:
 * - `refused`: a 4xx (with `status`, that one);
 * - `refused-or-sign-in`: a page GET without a session: a 4xx, or a redirect to /sign-in;
 * - `action-refusal`: a well-formed, same-origin server action of a known id: the action itself answers, as its
 *   form needs, with 200 and `{ ok: false, message }` in the action's reply;
 * - `slash-redirect`: a dashboard path with backslashes or repeated slashes: Next.js redirects (308) to the same
 *   path with single forward slashes, on the dashboard itself, before anything else sees it.
 */
export type Expectation = 'refused' | 'refused-or-sign-in' | 'action-refusal' | 'slash-redirect'

export interface ClientCertificate {
  cert: string
  key: string
}

export interface HostileCase {
  /** what kind of trick, for the counts */
  category: string
  name: string
  server: Server
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** send the body in chunks without a content-length */
  chunked?: boolean
  /** bytes written to the socket as they are, instead of an HTTP request made by node:http (status checked only) */
  raw?: string
  clientCertificate?: ClientCertificate
  expect?: Expectation
  status?: number
  /** refused by Node's HTTP parser before the master sees it: no JSON body to check */
  byNode?: boolean
}

/** The content type of every JSON request the master takes. */
export const JSON_TYPE = { 'content-type': 'application/json' }

/** A table of cases for one server, filled by `add`, each counted under `PREFIX: CATEGORY`. */
export function caseTable(prefix: string, server: Server) {
  const cases: HostileCase[] = []
  const add = (category: string, c: Omit<HostileCase, 'category' | 'server'>) => {
    cases.push({ category: `${prefix}: ${category}`, server, ...c })
  }
  return { cases, add }
}

export interface Answer {
  /** every status line received (a raw request may get two answers) */
  statuses: number[]
  headers: http.IncomingHttpHeaders
  body: string
  /** the connection ended without an answer: the error code */
  closed?: string
}

export interface Endpoints {
  dashboardPort: number
  gatewayPort: number
  caPem: string
}

const TIMEOUT_MS = 30_000
const KEEP_BODY_CHARS = 64 * 1024

function portOf(c: HostileCase, at: Endpoints) {
  return c.server === 'gateway' ? at.gatewayPort : at.dashboardPort
}

function tlsOptions(c: HostileCase, at: Endpoints): tls.ConnectionOptions {
  return { ca: at.caPem, cert: c.clientCertificate?.cert, key: c.clientCertificate?.key }
}

export function send(c: HostileCase, at: Endpoints): Promise<Answer> {
  return c.raw === undefined ? request(c, at) : rawRequest(c, at, c.raw)
}

function request(c: HostileCase, at: Endpoints): Promise<Answer> {
  return new Promise((resolve) => {
    const gateway = c.server === 'gateway'
    const body = c.body === undefined ? undefined : Buffer.from(c.body)
    // a large body is refused before it is read: on a kept-alive connection the server answers and drops the rest,
    // where closing would cut the upload and maybe the answer with it
    const large = (body?.length ?? 0) > 1024 * 1024
    const headers: Record<string, string | number> = { connection: large ? 'keep-alive' : 'close', ...c.headers }
    if (body && !c.chunked && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length'))
      headers['content-length'] = body.length
    const options = { host: '127.0.0.1', port: portOf(c, at), method: c.method ?? 'POST', path: c.path, headers }
    let answered = false
    const req = gateway
      ? https.request({ ...options, ...tlsOptions(c, at), agent: false })
      : http.request({ ...options, agent: false })
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error('timeout')))
    req.on('response', (res) => {
      answered = true
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        if (text.length < KEEP_BODY_CHARS) text += chunk
      })
      const done = () => {
        req.destroy()
        resolve({ statuses: [res.statusCode ?? 0], headers: res.headers, body: text })
      }
      res.once('end', done)
      res.once('error', done)
      res.once('aborted', done)
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered) resolve({ statuses: [], headers: {}, body: '', closed: error.code ?? error.message })
    })
    if (body && c.chunked) {
      // in pieces, as a stream would come: the server may answer and close before the end
      const piece = 256 * 1024
      let at = 0
      const pump = () => {
        while (at < body.length && !req.destroyed) {
          const ok = req.write(body.subarray(at, at + piece))
          at += piece
          if (!ok) return void req.once('drain', pump)
        }
        if (!req.destroyed) req.end()
      }
      pump()
    } else req.end(body)
  })
}

/** Writes the bytes as they are and reads every answer until the server closes (or a short wait passes). */
function rawRequest(c: HostileCase, at: Endpoints, raw: string): Promise<Answer> {
  return new Promise((resolve) => {
    const options = { host: '127.0.0.1', port: portOf(c, at) }
    const socket =
      c.server === 'gateway'
        ? tls.connect({ ...options, ...tlsOptions(c, at) }, () => socket.write(Buffer.from(raw, 'latin1')))
        : net.connect(options, () => socket.write(Buffer.from(raw, 'latin1')))
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      if (text.length < KEEP_BODY_CHARS) text += chunk
    })
    // a lying content-length may leave the server waiting for bytes that never come: what it said by then counts
    const timer = setTimeout(() => socket.destroy(), 5_000)
    const finish = (error?: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      const statuses = [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]))
      const bodyStart = text.indexOf('\r\n\r\n')
      const closed = statuses.length === 0 ? (error?.code ?? 'closed without an answer') : undefined
      const location = /^location: *(.*)$/im.exec(text.slice(0, bodyStart < 0 ? undefined : bodyStart))?.[1]?.trim()
      const headers = location === undefined ? {} : { location }
      resolve({ statuses, headers, body: bodyStart < 0 ? '' : text.slice(bodyStart + 4), closed })
    }
    socket.once('error', finish)
    socket.once('close', () => finish())
  })
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function eachLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
