// What an administrator gives for the MSXOperator and the mail server; client-safe, so forms, actions and the msx
// API read the same rules.
import { z } from 'zod'

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())

const emailAddress = (what: string) =>
  z
    .string()
    .trim()
    .pipe(z.email({ error: `Enter ${what} as an e-mail address, such as dba@example.com.` }))

const webhookUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter the webhook URL as an http:// or https:// address.' }))

export const operatorInput = z
  .object({
    name: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.string().trim().max(128, { error: 'An operator name has at most 128 characters.' }).default('MSXOperator'),
    ),
    email: optional(emailAddress('the e-mail address')),
    pagerEmail: optional(emailAddress('the pager e-mail address')),
    webhookUrl: optional(webhookUrl),
    /** kept when not given; generated when a webhook URL is first set without one */
    webhookSecret: optional(z.string().min(16, { error: 'A webhook secret has at least 16 characters.' })),
    rotateWebhookSecret: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).default(false),
  })
  .refine((o) => o.email || o.pagerEmail || o.webhookUrl, {
    error:
      'Give the MSXOperator at least one way to be told: an e-mail address, a pager e-mail address or a webhook URL.',
    path: ['email'],
  })
export type OperatorInput = z.input<typeof operatorInput>

export const MAIL_SECURITY = ['none', 'starttls', 'tls'] as const

export const mailServerInput = z.object({
  host: z
    .string()
    .trim()
    .regex(
      /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9a-fA-F:.]+\]?$/,
      {
        error: 'Enter the mail server as a host name or IP address, such as smtp.example.com.',
      },
    ),
  port: z.coerce
    .number({ error: 'Enter the port as a whole number from 1 to 65535.' })
    .int({ error: 'Enter the port as a whole number from 1 to 65535.' })
    .min(1, { error: 'Enter the port as a whole number from 1 to 65535.' })
    .max(65535, { error: 'Enter the port as a whole number from 1 to 65535.' }),
  security: z.enum(MAIL_SECURITY, { error: 'Choose the security: none, starttls or tls.' }),
  user: optional(z.string().trim().max(256)),
  /** kept when not given */
  password: optional(z.string()),
  from: emailAddress('the from address'),
})
export type MailServerInput = z.input<typeof mailServerInput>

export const testMailInput = z.object({ to: emailAddress('the address to send to') })
