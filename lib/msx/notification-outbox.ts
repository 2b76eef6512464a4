// The sender of the outbox of job outcome notifications: claims due messages, sends each through lib/notify, and
// marks its rows SENT, or schedules the next attempt with back-off until it gives up (FAILED).
// Each row is sent once: rows are claimed and marked in transactions. A master that stops between a send and its
// mark (a crash, a kill) sends that one message again once its lease ends, since nothing recorded that it went out.
import 'server-only'
import type { Db } from '../db/client'
import { type DeliveryResult, postWebhook, type SecretVault, sendMail } from '../notify'
import type { MailSettings } from '../notify/mail'
import { failed } from '../notify/result'
import { transaction } from './context'
import { type ClaimedMessage, claimDueMessages } from './notification-claim'
import { renderMessage } from './notification-message'
import { mailSettings, NO_MAIL_SERVER } from './operator'

export const MAX_ATTEMPTS = 10
const FIRST_RETRY_MS = 30_000
const LONGEST_RETRY_MS = 60 * 60_000
const LEASE_MS = 5 * 60_000
const MESSAGES_PER_ROUND = 10
const ROUNDS = 20

export interface DeliverOptions {
  now: Date
  vault: SecretVault
  /** the coalescing window (MSX_NOTIFY_WINDOW_SECONDS) */
  windowMs: number
  dashboardUrl?: string
  timeoutMs?: number
  /** 0 to 1; the back-off's jitter */
  random?: () => number
  /** true once the master is stopping: no further round starts */
  stopping?: () => boolean
}

export interface DeliveredMessage {
  channel: ClaimedMessage['channel']
  jobName: string
  subject: string
  targets: number
  ok: boolean
  answer: string
  /** attempts made, this one included */
  attempts: number
  gaveUp: boolean
}

/** The wait before attempt n + 1: doubling from 30 s to at most an hour, drawn between half and all of it. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}

/** Sends every message due at `now`; returns what each attempt got. */
export async function deliverDueNotifications(db: Db, options: DeliverOptions): Promise<DeliveredMessage[]> {
  const delivered: DeliveredMessage[] = []
  for (let round = 0; round < ROUNDS && !options.stopping?.(); round++) {
    const messages = await claimDueMessages(db, {
      now: options.now,
      windowMs: options.windowMs,
      leaseMs: LEASE_MS,
      maxMessages: MESSAGES_PER_ROUND,
    })
    if (messages.length === 0) break
    const context = await deliveryContext(db, options.vault, messages)
    delivered.push(...(await Promise.all(messages.map((m) => deliverOne(db, m, context, options)))))
  }
  return delivered
}

interface DeliveryContext {
  master: string
  operator: { email: string | null; pagerEmail: string | null; webhookUrl: string | null; webhookSecret: string | null }
  mail: MailSettings | null
  vault: SecretVault
  totals: Map<number, number>
}

async function deliveryContext(db: Db, vault: SecretVault, messages: ClaimedMessage[]): Promise<DeliveryContext> {
  const master = await db.masterServer.findUnique({ where: { id: 1 }, include: { msxOperator: true } })
  const op = master?.msxOperator
  const needsMail = messages.some((m) => m.channel !== 'webhook')
  const jobIds = [...new Set(messages.map((m) => m.jobId))]
  const counts = await db.jobServer.groupBy({ by: ['jobId'], where: { jobId: { in: jobIds } }, _count: true })
  return {
    master: master?.name ?? '',
    operator: {
      email: op?.email ?? null,
      pagerEmail: op?.pagerEmail ?? null,
      webhookUrl: op?.webhookUrl ?? null,
      webhookSecret: op?.webhookSecret ?? null,
    },
    mail: needsMail ? await mailSettings(db, vault) : null,
    vault,
    totals: new Map(counts.map((c) => [c.jobId, c._count])),
  }
}

async function deliverOne(db: Db, m: ClaimedMessage, ctx: DeliveryContext, options: DeliverOptions) {
  const message = renderMessage({
    master: ctx.master,
    jobName: m.jobName,
    totalTargets: ctx.totals.get(m.jobId) ?? 0,
    rows: m.rows,
    dashboardUrl: options.dashboardUrl,
    sentAt: options.now,
  })
  const timing = { timeoutMs: options.timeoutMs }
  const op = ctx.operator
  let result: DeliveryResult
  if (m.channel === 'webhook') {
    result = op.webhookUrl
      ? await postWebhook(
          { url: op.webhookUrl, secret: op.webhookSecret ? ctx.vault.open(op.webhookSecret) : '' },
          message.payload,
          { ...timing, now: () => options.now.getTime() },
        )
      : failed('not sent: the MSXOperator has no webhook URL any more')
  } else {
    const to = m.channel === 'email' ? op.email : op.pagerEmail
    const mail =
      m.channel === 'email'
        ? { to: to ?? '', subject: message.subject, text: message.text, html: message.html }
        : { to: to ?? '', subject: message.subject, text: message.pagerText }
    result = !to
      ? failed(`not sent: the MSXOperator has no ${m.channel === 'email' ? 'e-mail' : 'pager e-mail'} address any more`)
      : ctx.mail
        ? await sendMail(ctx.mail, mail, timing)
        : failed(NO_MAIL_SERVER)
  }
  const attempts = Math.max(...m.rows.map((r) => r.attempts)) + 1
  const gaveUp = !result.ok && attempts >= MAX_ATTEMPTS
  await mark(db, m, result, attempts, options)
  return {
    channel: m.channel,
    jobName: m.jobName,
    subject: message.subject,
    targets: m.rows.length,
    ok: result.ok,
    answer: result.answer,
    attempts,
    gaveUp,
  }
}

function mark(db: Db, m: ClaimedMessage, result: DeliveryResult, attempts: number, options: DeliverOptions) {
  const where = { batchId: m.batchId, state: 'PENDING' }
  return transaction(db, async (tx) => {
    if (result.ok) {
      await tx.jobNotification.updateMany({
        where,
        data: { state: 'SENT', sentAt: options.now, answer: result.answer },
      })
    } else if (attempts >= MAX_ATTEMPTS) {
      await tx.jobNotification.updateMany({ where, data: { state: 'FAILED', lastError: result.answer } })
    } else {
      const next = new Date(options.now.getTime() + retryDelayMs(attempts, options.random))
      await tx.jobNotification.updateMany({ where, data: { lastError: result.answer, nextAttemptAt: next } })
    }
  })
}
