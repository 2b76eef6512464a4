// The MSXOperator (the only operator multiserver jobs notify), the mail server the master sends through, and the
// test notification; secrets sealed at rest and never read back (views carry only passwordSet / webhookSecretSet).
import 'server-only'
import { config } from '../config'
import type { Db, Tx } from '../db/client'
import { type DeliveryResult, newWebhookSecret, postWebhook, type SecretVault, secretVault, sendMail } from '../notify'
import type { MailSecurity, MailSettings } from '../notify/mail'
import { recordAudit } from './audit'
import { inTransaction, type MsxContext } from './context'
import { parseOrInvalid, refused } from './errors'
import { nameKey } from './names'
import {
  type MailServerInput,
  mailServerInput,
  type OperatorInput,
  operatorInput,
  testMailInput,
} from './operator-input'

export interface OperatorView {
  name: string
  email: string | null
  pagerEmail: string | null
  webhookUrl: string | null
  webhookSecretSet: boolean
}

export interface MailServerView {
  host: string
  port: number
  security: MailSecurity
  user: string | null
  passwordSet: boolean
  from: string
}

export interface ChannelResult extends DeliveryResult {
  channel: 'email' | 'pager' | 'webhook'
  /** "E-mail to dba@example.com: sent (250 2.0.0 Ok: queued as 4F2A)" */
  line: string
}

export const defaultVault = (): SecretVault => secretVault(config().dataDir)

export async function readOperator(db: Db | Tx): Promise<OperatorView | null> {
  const master = await db.masterServer.findUnique({ where: { id: 1 }, include: { msxOperator: true } })
  const op = master?.msxOperator
  if (!op) return null
  return {
    name: op.name,
    email: op.email,
    pagerEmail: op.pagerEmail,
    webhookUrl: op.webhookUrl,
    webhookSecretSet: Boolean(op.webhookSecret),
  }
}

export async function readMailServer(db: Db | Tx): Promise<MailServerView | null> {
  const row = await db.mailServer.findUnique({ where: { id: 1 } })
  if (!row) return null
  return {
    host: row.host,
    port: row.port,
    security: row.security as MailSecurity,
    user: row.user,
    passwordSet: Boolean(row.password),
    from: row.fromAddress,
  }
}

type Change<T> = { from: T; to: T }
function diff<T extends object>(before: Partial<T> | null, after: T, keys: (keyof T)[]) {
  const out: Record<string, Change<unknown>> = {}
  for (const key of keys) {
    const from = before?.[key] ?? null
    const to = after[key] ?? null
    if (from !== to) out[String(key)] = { from, to }
  }
  return out
}

export interface OperatorChange {
  operator: OperatorView
  /** a webhook secret the master made or rotated: shown this once, never again */
  newWebhookSecret: string | null
  changed: string[]
}

/** Makes or changes the MSXOperator; a first webhook URL without a secret (or a rotation) gets a new secret. */
export async function setOperator(
  ctx: MsxContext,
  raw: OperatorInput,
  vault: SecretVault = defaultVault(),
): Promise<OperatorChange> {
  const input = parseOrInvalid(operatorInput, raw, ' ')
  return inTransaction(ctx, async (tx) => {
    const master = await tx.masterServer.findUnique({ where: { id: 1 }, include: { msxOperator: true } })
    if (!master) throw refused('This server is not set up as a master server yet: start the master once to create it.')
    const old = master.msxOperator
    let generated: string | null = null
    let secret = input.webhookSecret ?? null
    if (!secret && input.webhookUrl && (input.rotateWebhookSecret || !old?.webhookSecret))
      secret = generated = newWebhookSecret()
    const sealed = secret ? vault.seal(secret) : input.webhookUrl ? (old?.webhookSecret ?? null) : null
    const data = {
      name: input.name,
      nameKey: nameKey(input.name),
      email: input.email ?? null,
      pagerEmail: input.pagerEmail ?? null,
      webhookUrl: input.webhookUrl ?? null,
      webhookSecret: sealed,
    }
    const saved = old ? await tx.operator.update({ where: { id: old.id }, data }) : await tx.operator.create({ data })
    if (!old) await tx.masterServer.update({ where: { id: 1 }, data: { msxOperatorId: saved.id } })
    const details: Record<string, unknown> = diff(old, data, ['name', 'email', 'pagerEmail', 'webhookUrl'])
    if (secret && old?.webhookSecret) details.webhookSecret = 'webhook secret changed'
    else if (secret) details.webhookSecret = 'webhook secret set'
    else if (old?.webhookSecret && !sealed) details.webhookSecret = 'webhook secret removed'
    const changed = Object.keys(details)
    if (changed.length)
      await recordAudit(tx, ctx.actor, {
        action: 'operator.update',
        objectType: 'operator',
        objectName: input.name,
        details,
      })
    return {
      operator: {
        name: saved.name,
        email: saved.email,
        pagerEmail: saved.pagerEmail,
        webhookUrl: saved.webhookUrl,
        webhookSecretSet: Boolean(saved.webhookSecret),
      },
      newWebhookSecret: generated,
      changed,
    }
  })
}

/** Sets the mail server; the password is kept when none is given, and cleared with the user. */
export async function setMailServer(
  ctx: MsxContext,
  raw: MailServerInput,
  vault: SecretVault = defaultVault(),
): Promise<{ mail: MailServerView; changed: string[] }> {
  const input = parseOrInvalid(mailServerInput, raw, ' ')
  return inTransaction(ctx, async (tx) => {
    const old = await tx.mailServer.findUnique({ where: { id: 1 } })
    const user = input.user ?? null
    const password = !user ? null : input.password !== undefined ? vault.seal(input.password) : (old?.password ?? null)
    const data = {
      host: input.host,
      port: input.port,
      security: input.security as string,
      user,
      password,
      fromAddress: input.from,
    }
    await tx.mailServer.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data })
    const details: Record<string, unknown> = diff(old, data, ['host', 'port', 'security', 'user', 'fromAddress'])
    if (input.password !== undefined && user) details.password = 'password changed'
    else if (old?.password && !password) details.password = 'password removed'
    const changed = Object.keys(details)
    if (changed.length)
      await recordAudit(tx, ctx.actor, {
        action: 'mail-server.update',
        objectType: 'mail-server',
        objectName: input.host,
        details,
      })
    return { mail: (await readMailServer(tx)) as MailServerView, changed }
  })
}

/** The mail server with its password opened, for one delivery round. */
export async function mailSettings(db: Db | Tx, vault: SecretVault): Promise<MailSettings | null> {
  const row = await db.mailServer.findUnique({ where: { id: 1 } })
  if (!row) return null
  return {
    host: row.host,
    port: row.port,
    security: row.security as MailSecurity,
    user: row.user,
    password: row.password ? vault.open(row.password) : null,
    from: row.fromAddress,
  }
}

export interface DeliveryOptions {
  vault?: SecretVault
  timeoutMs?: number
}

export const NO_MAIL_SERVER = 'not sent: no mail server is set; set it in Settings (or msx mail set) first'

/** Sends a test to every channel the MSXOperator has; one result per channel, the exact answer in each. */
export async function sendTestNotification(ctx: MsxContext, options: DeliveryOptions = {}): Promise<ChannelResult[]> {
  const vault = options.vault ?? defaultVault()
  const master = await ctx.db.masterServer.findUnique({ where: { id: 1 }, include: { msxOperator: true } })
  const op = master?.msxOperator
  if (!master || !op)
    throw refused(
      'There is no MSXOperator to notify yet: set its e-mail address, pager e-mail address or webhook URL first.',
    )
  const mail = op.email || op.pagerEmail ? await mailSettings(ctx.db, vault) : null
  const subject = `Test notification from master server ${master.name}`
  const text = `This is a test notification for the MSXOperator (${op.name}) from master server ${master.name}, sent by ${ctx.actor.name}. Multiserver job outcomes will reach you here.`
  const deliveries: Promise<ChannelResult>[] = []
  const line = (label: string, r: DeliveryResult) => `${label}: ${r.ok ? `sent (${r.answer})` : `failed: ${r.answer}`}`
  for (const [channel, label, to] of [
    ['email', 'E-mail', op.email],
    ['pager', 'Pager e-mail', op.pagerEmail],
  ] as const) {
    if (!to) continue
    deliveries.push(
      (mail
        ? sendMail(mail, { to, subject, text }, options)
        : Promise.resolve({ ok: false, answer: NO_MAIL_SERVER })
      ).then((r) => ({ ...r, channel, line: line(`${label} to ${to}`, r) })),
    )
  }
  if (op.webhookUrl) {
    const url = op.webhookUrl
    const payload = {
      event: 'test',
      master: master.name,
      operator: op.name,
      sentAt: new Date().toISOString(),
      message: text,
    }
    const secret = op.webhookSecret ? vault.open(op.webhookSecret) : ''
    deliveries.push(
      postWebhook({ url, secret }, payload, options).then((r) => ({
        ...r,
        channel: 'webhook',
        line: line(`Webhook ${url}`, r),
      })),
    )
  }
  const results = await Promise.all(deliveries)
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx.actor, {
      action: 'operator.test',
      objectType: 'operator',
      objectName: op.name,
      details: { results: results.map((r) => r.line) },
      result: results.every((r) => r.ok) ? 'success' : 'failure',
    }),
  )
  return results
}

/** Sends one test e-mail through the mail server to `to` (msx mail test). */
export async function sendTestMail(
  ctx: MsxContext,
  raw: { to: string },
  options: DeliveryOptions = {},
): Promise<ChannelResult> {
  const { to } = parseOrInvalid(testMailInput, raw)
  const mail = await mailSettings(ctx.db, options.vault ?? defaultVault())
  const r = mail
    ? await sendMail(
        mail,
        { to, subject: 'Test e-mail from msx-admin', text: `A test e-mail sent by ${ctx.actor.name}.` },
        options,
      )
    : { ok: false, answer: NO_MAIL_SERVER }
  const result: ChannelResult = {
    ...r,
    channel: 'email',
    line: `E-mail to ${to}: ${r.ok ? `sent (${r.answer})` : `failed: ${r.answer}`}`,
  }
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx.actor, {
      action: 'mail-server.test',
      objectType: 'mail-server',
      objectName: mail?.host ?? '',
      details: { result: result.line },
      result: r.ok ? 'success' : 'failure',
    }),
  )
  return result
}

/** Removes the MSXOperator and every notification secret, and ends the notifications not yet sent (dismantling
 * the master); call inside its transaction. */
export async function clearNotificationSecrets(tx: Tx): Promise<void> {
  const master = await tx.masterServer.findUnique({ where: { id: 1 }, select: { msxOperatorId: true } })
  if (master?.msxOperatorId) {
    await tx.masterServer.update({ where: { id: 1 }, data: { msxOperatorId: null } })
    await tx.operator.delete({ where: { id: master.msxOperatorId } })
  }
  await tx.mailServer.deleteMany({})
  // nobody is left to tell: the outbox stops retrying them, and each run's history says why
  await tx.jobNotification.updateMany({
    where: { state: 'PENDING' },
    data: { state: 'FAILED', lastError: 'not sent: the multiserver configuration was dismantled' },
  })
}
