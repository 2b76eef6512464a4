'use server'

import { authedAction } from '@/lib/auth/next/action'
import { jobEditorSave } from '@/lib/msx/job-definition'
import { planJobSave } from '@/lib/msx/job-save-plan'
import { createJob, updateJob } from '@/lib/msx/jobs'
import { auditKeys, instructionKeys, jobKeys, SERVER_RENDERED, targetKeys } from '@/lib/query/keys'
import { savedJobMessage } from './save-words'

export const planJobSaveAction = authedAction({
  permission: 'jobs.edit',
  audit: 'job.plan',
  stale: [],
  input: jobEditorSave,
  run: async (ctx, input) => ({
    data: await planJobSave(ctx.db, input.existingName, input.definition),
    message: '',
  }),
})

export const saveJobAction = authedAction({
  permission: 'jobs.edit',
  audit: 'job.save',
  stale: [jobKeys.all, targetKeys.all, instructionKeys.all, auditKeys.all, SERVER_RENDERED],
  input: jobEditorSave,
  run: async (ctx, input) => {
    if (input.existingName === null) {
      const { job, inserted } = await createJob(ctx, input.definition)
      return {
        data: { name: job.name, version: job.version },
        message: savedJobMessage({
          created: true,
          name: job.name,
          version: job.version,
          inserted,
          updated: 0,
          deleted: 0,
        }),
      }
    }
    const result = await updateJob(ctx, input.existingName, input.definition, {
      expectedVersion: input.expectedVersion ?? undefined,
    })
    return {
      data: { name: result.job.name, version: result.job.version },
      message: result.changed
        ? savedJobMessage({ created: false, name: result.job.name, version: result.job.version, ...result })
        : `Nothing to save: ${result.job.name} is already so.`,
    }
  },
})
