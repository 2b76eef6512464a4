// The dashboard listener: Next.js as a custom server on the master's HTTP port, with the msx API under /api/v1/.
// A process with the api role but not the dashboard serves the API alone, without Next.js.
import http from 'node:http'
import type net from 'node:net'
import path from 'node:path'
import next from 'next'
import { db } from '../lib/db/client'
import type { Log } from '../lib/log'
import { API_PREFIX, apiHandler } from './api/handler'
import { send } from './http-json'
import { type Endpoint, listen } from './listen'

const root = path.resolve(import.meta.dirname, '..')
// in-flight requests get this long to finish at shutdown; then their connections are cut
const GRACE_MS = 5_000

export interface Listener {
  /** what listens ("the dashboard"), for the log */
  what: string
  url: string
  /** Starts answering requests (they wait until then). */
  serve(): Promise<void>
  /** Stops accepting, lets requests in flight finish (up to a grace period), closes keep-alive connections. */
  close(): Promise<void>
}

export function urlOf(at: { host: string; port: number }, scheme = 'http') {
  return `${scheme}://${at.host.includes(':') ? `[${at.host}]` : at.host}:${at.port}`
}

const apiOnly: http.RequestListener = (_req, res) =>
  send(res, 404, {
    error: {
      code: 'not_found',
      message: 'This master process serves only the msx API (its MSX_ROLES has no dashboard).',
    },
  })

/**
 * Binds the port at once, so a port in use is refused before the database is touched; Next.js is
 * prepared by serve(), and requests arriving before that wait for it. With `pages: false`, only the API.
 */
export async function openDashboard(
  at: Endpoint,
  options: { dev: boolean; log: Log; pages?: boolean },
): Promise<Listener> {
  const server = http.createServer()
  const sockets = new Set<net.Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  let app: ReturnType<typeof next> | undefined
  let handle: (handler: http.RequestListener) => void = () => {}
  const handler = new Promise<http.RequestListener>((resolve) => {
    handle = resolve
  })
  server.on('request', (req, res) => {
    handler.then((h) => h(req, res))
  })
  await listen(server, at)

  return {
    what: at.what,
    url: urlOf(at),
    async serve() {
      const api = apiHandler(await db(), options.log)
      let pages = apiOnly
      if (options.pages !== false) {
        app = next({ dev: options.dev, dir: root, hostname: at.host, port: at.port, httpServer: server })
        await app.prepare()
        const requestHandler = app.getRequestHandler()
        pages = (req, res) => {
          // the dashboard is reached directly: what a client claims in these headers is not believed
          req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? ''
          delete req.headers['x-forwarded-host']
          requestHandler(req, res).catch((err) => {
            options.log.error({ err }, `request ${req.method} ${req.url} failed`)
            if (!res.headersSent) res.statusCode = 500
            res.end()
          })
        }
      }
      handle((req, res) => (req.url?.startsWith(API_PREFIX) ? api(req, res) : pages(req, res)))
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      const started = Date.now()
      const sweep = setInterval(() => {
        server.closeIdleConnections()
        if (!app || Date.now() - started > GRACE_MS) for (const socket of sockets) socket.destroy()
      }, 100)
      server.closeIdleConnections()
      await closed
      clearInterval(sweep)
      await app?.close()
    },
  }
}
