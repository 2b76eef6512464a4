// The master's notification worker: every few seconds it sends the job outcome notifications that are due (the
// outbox, lib/msx/notification-outbox). Every process with the api role runs one; the outbox's claims keep them
// from sending the same message twice.
import type { Db } from '../lib/db/client'
import type { Log } from '../lib/log'
import { deliverDueNotifications } from '../lib/msx/notification-outbox'
import type { SecretVault } from '../lib/notify'
import { every, type Worker } from './every'

const EVERY_MS = 5000

export type Notifier = Worker

export interface NotifierOptions {
  log: Log
  vault: SecretVault
  windowSeconds: number
  dashboardUrl?: string
}

export function startNotifier(db: Db, options: NotifierOptions): Notifier {
  const { log } = options
  // one round at a time: a tick while a slow mail server still answers the last one is skipped
  return every(EVERY_MS, (stopping) =>
    deliverDueNotifications(db, {
      now: new Date(),
      vault: options.vault,
      windowMs: options.windowSeconds * 1000,
      dashboardUrl: options.dashboardUrl,
      stopping,
    }).then(
      (results) => {
        for (const r of results) {
          const what = `${r.channel} notification "${r.subject}"`
          if (r.ok) log.info(`${what}: sent (${r.answer})`)
          else if (r.gaveUp) log.error(`${what}: gave up after ${r.attempts} attempts: ${r.answer}`)
          else log.warn(`${what}: attempt ${r.attempts} failed, will retry: ${r.answer}`)
        }
      },
      (err: unknown) => log.error({ err }, 'notifications: could not send the ones due'),
    ),
  )
}
