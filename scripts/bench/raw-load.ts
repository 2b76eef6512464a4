// The load generator: keep-alive TLS connections, each with a target's client certificate, each sending the next
// request as soon as the previous answer is in (closed loop). Requests are written as raw HTTP/1.1 bytes and
// answers framed by content-length, so the generator spends its core on TLS, not on an HTTP client.
import tls from 'node:tls'
import { completeResponse } from './http-response'

export interface ClientIdentity {
  keyPem: string
  certPem: string
}

export interface SaturateOptions {
  url: string
  caPem: string
  path: string
  identities: ClientIdentity[]
  /** the request body, asked for again every 100 ms (it carries the target's clock) */
  body: () => string
  /** requests in flight on each connection: 1 as agents send them; more lets one client core load a server core */
  pipeline: number
  warmupMs: number
  durationMs: number
  /** called when the measured window opens and when it closes */
  onWindow?: (edge: 'open' | 'close') => void
}

export interface SaturateResult {
  requests: number
  errors: number
  seconds: number
  /** latency of each request answered inside the window, ms */
  latencies: Float64Array
  /** statuses other than 200, with their counts */
  statuses: Record<string, number>
}

function connect(url: URL, caPem: string, identity: ClientIdentity): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port),
      ca: caPem,
      key: identity.keyPem,
      cert: identity.certPem,
    })
    socket.once('secureConnect', () => resolve(socket))
    socket.once('error', reject)
  })
}

export async function saturate(options: SaturateOptions): Promise<SaturateResult> {
  const url = new URL(options.url)
  const sockets = await Promise.all(options.identities.map((identity) => connect(url, options.caPem, identity)))
  const head = (length: number) =>
    `POST ${options.path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`
  let request = Buffer.alloc(0)
  const refresh = () => {
    const body = options.body()
    request = Buffer.from(head(Buffer.byteLength(body)) + body)
  }
  refresh()
  const refresher = setInterval(refresh, 100)

  let latencies = new Float64Array(1 << 16)
  let measured = 0
  let errors = 0
  const statuses: Record<string, number> = {}
  const started = performance.now()
  const opensAt = started + options.warmupMs
  const closesAt = opensAt + options.durationMs
  // each edge fires once: by its timer, or at the end if the last answers beat the timer
  const fired = new Set<'open' | 'close'>()
  const edge = (which: 'open' | 'close') => {
    if (fired.has(which)) return
    fired.add(which)
    options.onWindow?.(which)
  }
  const edges = [
    setTimeout(() => edge('open'), options.warmupMs),
    setTimeout(() => edge('close'), options.warmupMs + options.durationMs),
  ]

  const record = (sentAt: number, status: number, now: number) => {
    if (sentAt < opensAt || now > closesAt) return
    if (status !== 200) statuses[status] = (statuses[status] ?? 0) + 1
    if (measured === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2)
      bigger.set(latencies)
      latencies = bigger
    }
    latencies[measured++] = now - sentAt
  }

  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          let pending: Buffer | null = null
          // when each request in flight on this connection was sent, oldest first (answers come in order)
          const sent: number[] = []
          const send = (count: number) => {
            const now = performance.now()
            for (let i = 0; i < count; i++) sent.push(now)
            socket.write(count === 1 ? request : Buffer.concat(Array(count).fill(request)))
          }
          socket.on('data', (chunk: Buffer) => {
            pending = pending ? Buffer.concat([pending, chunk]) : chunk
            let answered = 0
            for (let response = completeResponse(pending); response; response = completeResponse(pending)) {
              record(sent.shift() ?? 0, response.status, performance.now())
              answered += 1
              if (response.length === pending.length) {
                pending = null
                break
              }
              pending = pending.subarray(response.length)
            }
            if (answered === 0) return
            if (performance.now() < closesAt) send(answered)
            else if (sent.length === 0) socket.end(resolve)
          })
          socket.on('error', () => {
            errors += 1
            resolve()
          })
          socket.on('close', () => resolve())
          send(options.pipeline)
        }),
    ),
  )
  clearInterval(refresher)
  for (const timer of edges) clearTimeout(timer)
  edge('open')
  edge('close')
  for (const socket of sockets) socket.destroy()
  return {
    requests: measured,
    errors,
    seconds: options.durationMs / 1000,
    latencies: latencies.subarray(0, measured),
    statuses,
  }
}
