'use server'

import { z } from 'zod'
import { authedAction } from '@/lib/auth/next/action'
import { repostJobToTarget } from '@/lib/msx/job-repost'
import {
  failedTargetsOf,
  planStartAtStep,
  startAtStepInput,
  startFailedInput,
  startFailedTargets,
  startJobAtStep,
} from '@/lib/msx/job-start'
import { listJobTargets } from '@/lib/msx/job-target-list'
import { auditKeys, instructionKeys, jobKeys, SERVER_RENDERED, targetKeys } from '@/lib/query/keys'
import { startedAtStep, startedFailedTargets } from './start-words'

const STALE = [jobKeys.all, targetKeys.all, instructionKeys.all, auditKeys.all, SERVER_RENDERED]

export const planStartAtStepAction = authedAction({
  permission: 'read',
  audit: 'job.plan',
  stale: [],
  input: startAtStepInput,
  run: async (ctx, input) => ({ data: await planStartAtStep(ctx.db, input), message: '' }),
})

const FOUND_TARGETS = 20

/** The job's target servers whose names hold the text typed, for choosing some of them (Start at step). */
export const findJobTargetsAction = authedAction({
  permission: 'read',
  audit: 'job.plan',
  stale: [],
  input: z.strictObject({ name: z.string().min(1).max(128), search: z.string().trim().max(128) }),
  run: async (ctx, input) => {
    const found = await listJobTargets(ctx.db, input.name, { target: input.search, pageSize: FOUND_TARGETS })
    return { data: { names: found.rows.map((r) => r.name), total: found.total }, message: '' }
  },
})

export const startAtStepAction = authedAction({
  permission: 'jobs.run',
  audit: 'instruction.post',
  stale: STALE,
  input: startAtStepInput,
  run: async (ctx, input) => {
    const { posted, step } = await startJobAtStep(ctx, input)
    return { data: { posted, step }, message: startedAtStep(posted, step) }
  },
})

export const failedTargetsAction = authedAction({
  permission: 'read',
  audit: 'job.plan',
  stale: [],
  input: z.object({ name: z.string().trim().min(1).max(128) }),
  run: async (ctx, input) => ({ data: await failedTargetsOf(ctx.db, input.name), message: '' }),
})

export const startFailedTargetsAction = authedAction({
  permission: 'jobs.run',
  audit: 'instruction.post',
  stale: STALE,
  input: startFailedInput,
  run: async (ctx, input) => {
    const { posted, steps } = await startFailedTargets(ctx, input)
    return { data: { posted }, message: startedFailedTargets(posted, steps) }
  },
})

export const repostToTargetAction = authedAction({
  permission: 'jobs.edit',
  audit: 'job.repost',
  stale: STALE,
  input: z.object({ name: z.string().trim().min(1).max(128), target: z.string().trim().min(1).max(128) }),
  run: async (ctx, input) => {
    const { job, version, target } = await repostJobToTarget(ctx, input.name, input.target)
    return {
      data: null,
      message: `Posted UPDATE of ${job} (version ${version}) to ${target}: it gets it when it next polls.`,
    }
  },
})
