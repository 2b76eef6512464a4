'use server'

import { authedAction } from '@/lib/auth/next/action'
import type { Permission } from '@/lib/auth/permissions'
import { actOnJobs, type JobAction, jobNamesInput, planJobFanOut } from '@/lib/msx/job-actions'
import { auditKeys, instructionKeys, jobKeys, SERVER_RENDERED, targetKeys } from '@/lib/query/keys'
import { jobActionDone } from './job-action-words'

export const planJobsAction = authedAction({
  permission: 'read',
  audit: 'job.plan',
  stale: [],
  input: jobNamesInput,
  run: async (ctx, input) => ({ data: await planJobFanOut(ctx.db, input.names), message: '' }),
})

// a job's own page is rendered on the server
const STALE = [jobKeys.all, targetKeys.all, instructionKeys.all, auditKeys.all, SERVER_RENDERED]

function jobAction(action: JobAction, permission: Permission, audit: string) {
  return authedAction({
    permission,
    audit,
    stale: STALE,
    input: jobNamesInput,
    run: async (ctx, input) => {
      const results = await actOnJobs(ctx, action, input.names)
      return { data: results, message: jobActionDone(action, results) }
    },
  })
}

export const startJobsAction = jobAction('start', 'jobs.run', 'instruction.post')
export const stopJobsAction = jobAction('stop', 'jobs.run', 'instruction.post')
export const enableJobsAction = jobAction('enable', 'jobs.edit', 'job.update')
export const disableJobsAction = jobAction('disable', 'jobs.edit', 'job.update')
export const deleteJobsAction = jobAction('delete', 'jobs.edit', 'job.delete')
