// MSX_GATEWAY_WORKERS=N: the agent gateway as N worker processes sharing its port (Node's cluster module), so the
// TLS handshakes and polls of a large fleet use every core. Each worker keeps its own memory of polls and
// identities; the database is the source of truth, and its change feed tells every worker of new instructions
// and signals (Force Poll, revocation, defection) whoever wrote them. The primary forks them, waits until each
// serves, replaces one that dies, and stops them at shutdown.
import cluster, { type Worker } from 'node:cluster'
import type { Log } from '../lib/log'
import { type Listener, urlOf } from './dashboard'
import type { Endpoint } from './listen'
import { StartupError } from './startup-error'

/** the message a worker sends once its gateway serves */
export const GATEWAY_WORKER_READY = 'msx:gateway-ready'
/** the environment variable that tells a forked process which worker it is */
export const GATEWAY_WORKER_VARIABLE = 'MSX_GATEWAY_WORKER'

/** This process is gateway worker number N (1-based), or null when it is not one. */
export function gatewayWorkerNumber(): number | null {
  if (!cluster.isWorker) return null
  const number = Number(process.env[GATEWAY_WORKER_VARIABLE])
  return Number.isInteger(number) && number > 0 ? number : null
}

export function openGatewayWorkers(at: Endpoint, count: number, log: Log): Listener {
  let stopping = false
  const workers = new Map<number, Worker>()

  /** Forks worker `number`; resolves once it serves, rejects if it ends first. */
  const fork = (number: number) =>
    new Promise<void>((resolve, reject) => {
      const worker = cluster.fork({ [GATEWAY_WORKER_VARIABLE]: String(number) })
      workers.set(number, worker)
      let serving = false
      worker.on('message', (message: unknown) => {
        if (message !== GATEWAY_WORKER_READY) return
        serving = true
        resolve()
      })
      worker.once('exit', (code, signal) => {
        if (workers.get(number) === worker) workers.delete(number)
        if (!serving)
          return reject(
            new StartupError(
              `Cannot start ${at.what}: gateway worker ${number} ended before it served (its log says why).`,
            ),
          )
        if (stopping || code === 0) return
        log.error(`gateway worker ${number} ended (${signal ?? `exit code ${code}`}): starting another`)
        fork(number).catch((error: unknown) =>
          log.error({ err: error }, `gateway worker ${number} could not start again`),
        )
      })
    })

  return {
    what: at.what,
    url: urlOf(at, 'https'),
    async serve() {
      await Promise.all(Array.from({ length: count }, (_, i) => fork(i + 1)))
      log.info(`${at.what} runs in ${count} worker processes`)
    },
    async close() {
      stopping = true
      await Promise.all(
        [...workers.values()].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve()
              worker.once('exit', () => resolve())
              worker.process.kill('SIGTERM')
            }),
        ),
      )
    },
  }
}
