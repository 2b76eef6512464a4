// The baseline's side of the fleet measure: one keep-alive TLS connection per virtual target, each with that
// target's client certificate, each sending one poll the baseline holds open; when each answer arrived.
import tls from 'node:tls'
import { Limit } from '../../agent/simulate/limit'
import { completeResponse } from './http-response'
import type { ClientIdentity } from './raw-load'

/** handshakes in flight at once: the server's accept backlog is not the thing measured */
const CONNECT_CONCURRENCY = 64

export class HeldRequests {
  private readonly sockets: tls.TLSSocket[] = []
  arrivals: number[] = []
  errors = 0

  /**
   * One request on each identity's connection (opened the first time, kept alive after), resolving once all are
   * written.
   */
  async send(url: URL, caPem: string, identities: ClientIdentity[], body: string) {
    const request = Buffer.from(
      `POST /agent/v1/poll HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
    this.arrivals = []
    if (this.sockets.length > 0) {
      await Promise.all(this.sockets.map((socket) => new Promise((resolve) => socket.write(request, resolve))))
      return
    }
    const limit = new Limit(CONNECT_CONCURRENCY)
    await Promise.all(
      identities.map((identity) =>
        limit.run(
          () =>
            new Promise<void>((resolve) => {
              const socket = tls.connect({
                host: url.hostname,
                port: Number(url.port),
                ca: caPem,
                key: identity.keyPem,
                cert: identity.certPem,
              })
              this.sockets.push(socket)
              let pending: Buffer | null = null
              socket.on('data', (chunk: Buffer) => {
                pending = pending ? Buffer.concat([pending, chunk]) : chunk
                if (completeResponse(pending)) {
                  this.arrivals.push(Date.now())
                  pending = null
                }
              })
              socket.once('secureConnect', () => socket.write(request, () => resolve()))
              socket.once('error', () => {
                this.errors += 1
                resolve()
              })
            }),
        ),
      ),
    )
  }

  close() {
    for (const socket of this.sockets) socket.destroy()
    this.sockets.length = 0
  }
}
