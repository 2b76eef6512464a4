// The MSXOperator, the mail server and test notifications (msx operator ..., msx mail ...).
import {
  readMailServer,
  readOperator,
  sendTestMail,
  sendTestNotification,
  setMailServer,
  setOperator,
} from '../../../lib/msx/operator'
import { mailServerInput, operatorInput, testMailInput } from '../../../lib/msx/operator-input'
import { command } from '../command'
import { nothing } from './inputs'

export const operatorCommands = {
  'operator.show': command({
    permission: 'read',
    input: nothing,
    audit: { action: 'operator.show', objectType: 'operator' },
    run: async (ctx) => ({ operator: await readOperator(ctx.db) }),
  }),
  'operator.set': command({
    permission: 'operator.edit',
    input: operatorInput,
    audit: { action: 'operator.update', objectType: 'operator' },
    run: (ctx, input) => setOperator(ctx, input),
  }),
  'operator.test': command({
    permission: 'operator.edit',
    input: nothing,
    audit: { action: 'operator.test', objectType: 'operator' },
    run: async (ctx) => ({ results: await sendTestNotification(ctx) }),
  }),
  'mail.show': command({
    permission: 'read',
    input: nothing,
    audit: { action: 'mail-server.show', objectType: 'mail-server' },
    run: async (ctx) => ({ mail: await readMailServer(ctx.db) }),
  }),
  'mail.set': command({
    permission: 'operator.edit',
    input: mailServerInput,
    audit: { action: 'mail-server.update', objectType: 'mail-server' },
    run: (ctx, input) => setMailServer(ctx, input),
  }),
  'mail.test': command({
    permission: 'operator.edit',
    input: testMailInput,
    audit: { action: 'mail-server.test', objectType: 'mail-server' },
    run: async (ctx, input) => ({ result: await sendTestMail(ctx, input) }),
  }),
}
