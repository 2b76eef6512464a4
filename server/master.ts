// The master process: migrates the database, makes sure the master's row exists, and serves the dashboard (with
// the msx API), the API alone, and the agent gateway (MSX_ROLES chooses which, for a master of several processes).
// Started by server/main.ts.
import fs from 'node:fs'
import { type Config, ConfigError, config } from '../lib/config'
import { db } from '../lib/db/client'
import { migrateDeploy } from '../lib/db/migrate'
import { changeFeed } from '../lib/live/change-feed'
import { createLogger, type Log, type LogLevel } from '../lib/log'
import { ensureMaster, recordCaFingerprint } from '../lib/msx/master'
import { defaultVault } from '../lib/msx/operator'
import { loadOrCreateAuthority } from '../lib/pki/authority'
import { type Listener, openDashboard } from './dashboard'
import { databaseLabel } from './database-label'
import { openGateway } from './gateway'
import { GATEWAY_WORKER_READY, gatewayWorkerNumber, openGatewayWorkers } from './gateway-workers'
import type { Endpoint } from './listen'
import { startMaintenance } from './maintenance'
import { startMissedRunChecker } from './missed-run-checker'
import { startNotifier } from './notifier'
import { Shutdown } from './shutdown'
import { StartupError } from './startup-error'

const dev = process.argv.includes('--dev')

function gatewayEndpoint(cfg: Config): Endpoint {
  return {
    host: cfg.gatewayHost,
    port: cfg.gatewayPort,
    what: 'the agent gateway',
    hostVariable: 'MSX_GATEWAY_HOST',
    portVariable: 'MSX_GATEWAY_PORT',
  }
}

/** One of MSX_GATEWAY_WORKERS: the gateway alone, on the port it shares with the others; the primary migrated. */
async function gatewayWorker(log: Log, shutdown: Shutdown) {
  const cfg = config()
  const authority = await loadOrCreateAuthority(cfg.dataDir, cfg.masterName, cfg.gatewayNames)
  const gateway = await openGateway(gatewayEndpoint(cfg), { authority, log, databaseUrl: cfg.databaseUrl })
  shutdown.add('the agent gateway', () => gateway.close())
  const client = await db()
  shutdown.addLast('database', () => client.$disconnect())
  await gateway.serve()
  process.send?.(GATEWAY_WORKER_READY)
}

async function main(log: Log, shutdown: Shutdown) {
  const cfg = config()
  const database = databaseLabel(cfg.databaseUrl)
  fs.mkdirSync(cfg.dataDir, { recursive: true })

  const authority = await loadOrCreateAuthority(cfg.dataDir, cfg.masterName, cfg.gatewayNames)
  // Every listener binds before the database is touched: a second master on the same ports stops here.
  const listeners: Listener[] = []
  if (cfg.roles.api)
    listeners.push(
      await openDashboard(
        {
          host: cfg.host,
          port: cfg.port,
          what: cfg.roles.dashboard ? 'the dashboard' : 'the msx API',
          hostVariable: 'MSX_HOST',
          portVariable: 'MSX_PORT',
        },
        { dev, log, pages: cfg.roles.dashboard },
      ),
    )
  if (cfg.roles.gateway)
    listeners.push(
      cfg.gatewayWorkers > 1
        ? // the workers bind the port when they start, after the database is migrated
          openGatewayWorkers(gatewayEndpoint(cfg), cfg.gatewayWorkers, log)
        : await openGateway(gatewayEndpoint(cfg), { authority, log, databaseUrl: cfg.databaseUrl }),
    )
  shutdown.add('listeners', () => Promise.all(listeners.map((listener) => listener.close())))
  // before the listeners: an open change stream would hold the dashboard's close for its whole grace period
  shutdown.add('change streams', () => changeFeed().closeAll())

  log.info(`database: ${database}`)
  const applied = await shutdown.protect(migrateDeploy(cfg.databaseUrl))
  log.info(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date')
  const client = await db()
  // closed last: SQLite checkpoints its write-ahead log into the database file on disconnect
  shutdown.addLast('database', () => client.$disconnect())
  const master = await ensureMaster(client, cfg.masterName, cfg.reportedVersion)
  await recordCaFingerprint(client, authority.caFingerprint)
  log.info(`master server ${master.name}, version ${master.version}`)
  log.info(`certificate authority fingerprint: ${authority.caFingerprint}`)
  if (cfg.roles.api) {
    const maintenance = startMaintenance(client, {
      log,
      auditRetentionDays: cfg.auditRetentionDays,
      jobHistoryDays: cfg.jobHistoryDays,
    })
    shutdown.add('maintenance', () => maintenance.stop())
    const notifier = startNotifier(client, {
      log,
      vault: defaultVault(),
      windowSeconds: cfg.notifyWindowSeconds,
      dashboardUrl: cfg.dashboardUrl,
    })
    shutdown.add('notifications', () => notifier.stop())
    const missedRuns = startMissedRunChecker(client, log)
    shutdown.add('missed runs', () => missedRuns.stop())
  }

  await Promise.all(listeners.map((listener) => listener.serve()))
  for (const listener of listeners)
    log.info(`${listener.what} listening on ${listener.url}${dev ? ' (development mode)' : ''}`)
}

function configuredLevel(): LogLevel {
  try {
    return config().logLevel
  } catch {
    return 'info' // main() reports the invalid configuration
  }
}

/** The failure as one line; the ones an operator can fix (configuration, ports) say what to change. */
function oneLine(error: unknown) {
  if (error instanceof ConfigError) return error.message.replace(/:\s*\n\s*/, ': ').replace(/\s*\n\s*/g, '; ')
  if (error instanceof StartupError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  return `could not start: ${message.trim().replace(/\s*\n\s*/g, ' ')}`
}

const worker = gatewayWorkerNumber()
const log =
  worker === null ? createLogger(configuredLevel()) : createLogger(configuredLevel()).child({ gatewayWorker: worker })
const shutdown = new Shutdown(log)
shutdown.listen()
;(worker === null ? main(log, shutdown) : gatewayWorker(log, shutdown)).catch(async (error: unknown) => {
  log.fatal(oneLine(error))
  log.debug({ err: error }, 'the error in full')
  await shutdown.exit(1)
})
