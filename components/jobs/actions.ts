'use server'

import { authedAction } from '@/lib/auth/next/action'
import type { MsxContext } from '@/lib/msx/context'
import {
  actOnJobs,
  type JobAction,
  type JobActionOptions,
  jobNamesInput,
  pauseJobsInput,
  planJobFanOut,
} from '@/lib/msx/job-actions'
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

async function act(ctx: MsxContext, action: JobAction, names: string[], options: JobActionOptions = {}) {
  const results = await actOnJobs(ctx, action, names, options)
  return { data: results, message: jobActionDone(action, results, options.until) }
}

export const startJobsAction = authedAction({
  permission: 'jobs.run',
  audit: 'instruction.post',
  stale: STALE,
  input: jobNamesInput,
  run: (ctx, input) => act(ctx, 'start', input.names),
})

export const stopJobsAction = authedAction({
  permission: 'jobs.run',
  audit: 'instruction.post',
  stale: STALE,
  input: jobNamesInput,
  run: (ctx, input) => act(ctx, 'stop', input.names),
})

export const enableJobsAction = authedAction({
  permission: 'jobs.edit',
  audit: 'job.update',
  stale: STALE,
  input: jobNamesInput,
  run: (ctx, input) => act(ctx, 'enable', input.names),
})

export const disableJobsAction = authedAction({
  permission: 'jobs.edit',
  audit: 'job.update',
  stale: STALE,
  input: jobNamesInput,
  run: (ctx, input) => act(ctx, 'disable', input.names),
})

export const pauseJobsAction = authedAction({
  permission: 'jobs.edit',
  audit: 'job.pause',
  stale: STALE,
  input: pauseJobsInput,
  run: (ctx, input) => act(ctx, 'pause', input.names, { until: input.until }),
})

export const resumeJobsAction = authedAction({
  permission: 'jobs.edit',
  audit: 'job.resume',
  stale: STALE,
  input: jobNamesInput,
  run: (ctx, input) => act(ctx, 'resume', input.names),
})

export const repostJobsAction = authedAction({
  permission: 'jobs.edit',
  audit: 'job.repost',
  stale: STALE,
  input: jobNamesInput,
  run: (ctx, input) => act(ctx, 'repost', input.names),
})

export const deleteJobsAction = authedAction({
  permission: 'jobs.edit',
  audit: 'job.delete',
  stale: STALE,
  input: jobNamesInput,
  run: (ctx, input) => act(ctx, 'delete', input.names),
})
