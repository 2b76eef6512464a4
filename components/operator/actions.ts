'use server'

import { z } from 'zod'
import { authedAction } from '@/lib/auth/next/action'
import { sendTestNotification, setMailServer, setOperator } from '@/lib/msx/operator'
import { mailServerInput, operatorInput } from '@/lib/msx/operator-input'
import { auditKeys, SERVER_RENDERED } from '@/lib/query/keys'

export const setOperatorAction = authedAction({
  permission: 'operator.edit',
  audit: 'operator.update',
  stale: [SERVER_RENDERED, auditKeys.all],
  input: operatorInput,
  run: async (ctx, input) => {
    const change = await setOperator(ctx, input)
    return {
      data: { newWebhookSecret: change.newWebhookSecret },
      message: change.changed.length
        ? `Saved the MSXOperator ${change.operator.name}.`
        : 'Nothing to save: the MSXOperator is already so.',
    }
  },
})

export const setMailServerAction = authedAction({
  permission: 'operator.edit',
  audit: 'mail-server.update',
  stale: [SERVER_RENDERED, auditKeys.all],
  input: mailServerInput,
  run: async (ctx, input) => {
    const { mail, changed } = await setMailServer(ctx, input)
    return {
      data: undefined,
      message: changed.length
        ? `Saved the mail server ${mail.host}:${mail.port}.`
        : 'Nothing to save: the mail server is already so.',
    }
  },
})

export const sendTestNotificationAction = authedAction({
  permission: 'operator.edit',
  audit: 'operator.test',
  stale: [auditKeys.all],
  input: z.object({}),
  run: async (ctx) => {
    const results = await sendTestNotification(ctx)
    const failures = results.filter((r) => !r.ok).length
    return {
      data: results.map(({ ok, line }) => ({ ok, line })),
      message: failures
        ? `${failures} of ${results.length} channel(s) failed.`
        : `Sent to all ${results.length} channel(s).`,
    }
  },
})
