// The agent gateway: the master's TLS listener for target agents. Client certificates are requested on every
// connection and required on every route but enlistment.
import type http from 'node:http'
import https from 'node:https'
import type net from 'node:net'
import type { Db } from '../../lib/db/client'
import type { Log } from '../../lib/log'
import type { Authority } from '../../lib/pki/authority'
import { type Listener, urlOf } from '../dashboard'
import { Refusal, sendError } from '../http-json'
import { type Endpoint, listen } from '../listen'
import { AckBatcher } from './ack-batcher'
import { PollHub } from './poll-hub'
import { RefusalMemory } from './refusal-memory'
import { refusalOf } from './refusal-of'
import { type GatewayContext, routes } from './routes'

export interface GatewayDeps {
  authority: Authority
  log: Log
  databaseUrl: string
}

export async function openGateway(
  at: Endpoint,
  deps: GatewayDeps,
): Promise<Listener & { hub(): PollHub | null; refusals(): RefusalMemory | null }> {
  const server = https.createServer({
    key: deps.authority.gatewayKeyPem,
    // the chain includes the CA, so an agent can check it against the fingerprint it was given
    cert: `${deps.authority.gatewayCertPem.trim()}\n${deps.authority.caPem.trim()}\n`,
    ca: deps.authority.caPem,
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
  })
  server.keepAliveTimeout = 75_000
  // every connection from its first byte, not only those past the handshake: one still shaking hands when the
  // gateway closes would otherwise carry a long poll that holds the shutdown for its whole wait
  const sockets = new Set<net.Socket>()
  let closing = false
  server.on('connection', (socket: net.Socket) => {
    if (closing) return void socket.destroy()
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  server.on('secureConnection', (socket) => {
    // the client certificate read once per connection (peer.ts) must stay the connection's certificate
    socket.disableRenegotiation()
  })
  let ctx: GatewayContext | null = null
  let ready: (c: GatewayContext) => void = () => {}
  const context = new Promise<GatewayContext>((resolve) => {
    ready = resolve
  })
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, c: GatewayContext) => {
    const url = req.url ?? ''
    const query = url.indexOf('?')
    const path = query < 0 ? url : url.slice(0, query)
    try {
      const route = Object.hasOwn(routes, path) ? routes[path] : undefined
      if (!route)
        throw new Refusal(404, 'not_found', `${path} is not part of the agent protocol (see docs/agent-protocol.md).`)
      if (req.method !== 'POST') throw new Refusal(405, 'method_not_allowed', `${path} takes POST.`)
      await route(req, res, c)
    } catch (error) {
      if (sendError(res, error) === 'failed')
        c.log.error({ err: error }, `agent request ${req.method} ${req.url} failed`)
      else {
        const refused = refusalOf(req, path, error, c.hub)
        if (refused) c.refusals.note(refused)
      }
    }
  }
  server.on('request', (req, res) => {
    if (closing) {
      res.shouldKeepAlive = false
      return void sendError(res, new Refusal(503, 'shutting_down', 'The master is shutting down: try again shortly.'))
    }
    // requests that arrive while the database is being opened wait for it
    if (ctx) void handle(req, res, ctx)
    else void context.then((c) => handle(req, res, c))
  })
  server.on('tlsClientError', () => {}) // handshakes that fail (scanners, wrong CA) are the client's to report
  await listen(server, at)

  return {
    what: at.what,
    url: urlOf(at, 'https'),
    hub: () => ctx?.hub ?? null,
    refusals: () => ctx?.refusals ?? null,
    async serve() {
      const [{ db }, { activeMaster, readMaster }] = await Promise.all([
        import('../../lib/db/client'),
        import('../../lib/msx/master'),
      ])
      const database: Db = await db()
      // a dismantled master still answers its agents (with refusals): only a missing row stops the gateway
      const master = await activeMaster(database).catch(async (error: unknown) => {
        const row = await readMaster(database)
        if (!row) throw error
        return row
      })
      const hub = new PollHub(database, deps.log, deps.databaseUrl)
      await hub.start()
      const refusals = new RefusalMemory(database, deps.log)
      refusals.start()
      ctx = {
        refusals,
        db: database,
        hub,
        acks: new AckBatcher(database, hub, deps.log),
        authority: deps.authority,
        master: { version: master.version },
        log: deps.log,
      }
      ready(ctx)
    },
    async close() {
      closing = true
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      await ctx?.hub.stop()
      await ctx?.refusals.stop()
      server.closeIdleConnections()
      for (const socket of sockets) socket.destroy()
      await closed
    },
  }
}
