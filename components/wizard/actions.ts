'use server'

import { z } from 'zod'
import { authedAction } from '@/lib/auth/next/action'
import { makeMaster } from '@/lib/msx/master'
import { chooseWizardRequests, moveWizard, wizardChoiceInput, wizardMoveInput } from '@/lib/msx/wizard'
import { runWizardEnlist, startWizardRun } from '@/lib/msx/wizard-run'
import { auditKeys, enlistmentKeys, SERVER_RENDERED, targetKeys } from '@/lib/query/keys'

export const moveWizardAction = authedAction({
  permission: 'wizard.run',
  audit: 'wizard.move',
  stale: [],
  input: wizardMoveInput,
  run: async (ctx, input) => ({ data: await moveWizard(ctx, input.step), message: '' }),
})

export const chooseWizardRequestsAction = authedAction({
  permission: 'wizard.run',
  audit: 'wizard.choose',
  stale: [enlistmentKeys.all],
  input: wizardChoiceInput,
  run: async (ctx, input) => {
    const moved = await chooseWizardRequests(ctx, input)
    const what = `${moved} request${moved === 1 ? '' : 's'}`
    return {
      data: moved,
      message: input.chosen ? `Selected ${what} to enlist.` : `Moved ${what} back to the pending requests.`,
    }
  },
})

export const makeMasterAction = authedAction({
  permission: 'wizard.run',
  audit: 'master.make',
  stale: [SERVER_RENDERED, auditKeys.all],
  input: z.object({}),
  run: async (ctx) => {
    const master = await makeMaster(ctx)
    return { data: undefined, message: `${master.name} is a master server again: target servers can enlist.` }
  },
})

export const startWizardRunAction = authedAction({
  permission: 'wizard.run',
  audit: 'wizard.complete',
  stale: [],
  input: z.object({}),
  run: async (ctx) => {
    const result = await startWizardRun(ctx)
    return { data: result, message: result.detail }
  },
})

export const runWizardEnlistAction = authedAction({
  permission: 'wizard.run',
  audit: 'wizard.complete',
  stale: [enlistmentKeys.all, targetKeys.all, auditKeys.all],
  input: z.object({ name: z.string().trim().min(1).max(128) }),
  run: async (ctx, input) => {
    const result = await runWizardEnlist(ctx, input.name)
    return { data: result, message: result.detail }
  },
})
