// Multiserver jobs: applied from files, listed, shown, started and stopped, their schedules paused and resumed, deleted, their history, their kept
// versions (listed, exported, compared), the version each target holds, the runs in progress and the missed runs.
import { z } from 'zod'
import type { MsxContext } from '../../../lib/msx/context'
import { applyJob } from '../../../lib/msx/job-apply'
import { listJobHistory } from '../../../lib/msx/job-history'
import { describeJob, listJobs } from '../../../lib/msx/job-list'
import { pauseJobSchedules, pauseUntilInput, resumeJobSchedules } from '../../../lib/msx/job-pause'
import { startFailedInput, startFailedTargets } from '../../../lib/msx/job-start'
import { jobTargetVersions } from '../../../lib/msx/job-target-versions'
import { diffJobVersions, listJobVersions, readJobVersion } from '../../../lib/msx/job-version-list'
import { deleteJob } from '../../../lib/msx/jobs'
import { listRunningJobs, runningQuery } from '../../../lib/msx/jobs-running'
import { listMissedRuns, missedRunsQuery } from '../../../lib/msx/missed-run-list'
import { postOperation } from '../../../lib/msx/post-operation'
import { command } from '../command'
import { jobName, nothing, serverName, serverNames } from './inputs'

const runInput = z.object({ name: jobName, targets: serverNames.optional() })
const startInput = runInput.extend({
  step: z
    .number({ error: 'step is a step number, from 1' })
    .int('step is a step number, from 1')
    .min(1, 'step is a step number, from 1')
    .optional(),
})
const version = z
  .number({ error: 'a version is a whole number, as msx job versions lists them' })
  .int('a version is a whole number, as msx job versions lists them')
  .positive('a version is a whole number from 1, as msx job versions lists them')

async function postJobOperation(ctx: MsxContext, operation: 'START' | 'STOP', input: z.output<typeof startInput>) {
  return postOperation(ctx, {
    operation,
    job: input.name,
    step: input.step,
    recipients: input.targets ? { targets: input.targets } : { all: true },
  })
}

export const jobCommands = {
  'jobs.apply': command({
    permission: 'jobs.edit',
    // the definition is checked by the job schema, whose messages name the field of the job file
    input: z.object({ definition: z.unknown() }),
    audit: { action: 'job.apply', objectType: 'job' },
    objectName: (input) => String((input.definition as { name?: unknown } | null)?.name ?? ''),
    run: (ctx, input) => applyJob(ctx, input.definition),
  }),

  'jobs.delete': command({
    permission: 'jobs.edit',
    input: z.object({ name: jobName }),
    audit: { action: 'job.delete', objectType: 'job' },
    objectName: (input) => input.name,
    async run(ctx, input) {
      const { job, deleted } = await deleteJob(ctx, input.name)
      return { name: job.name, deleted }
    },
  }),

  'jobs.list': command({
    permission: 'read',
    input: nothing,
    audit: { action: 'job.list', objectType: 'job' },
    run: (ctx) => listJobs(ctx.db),
  }),

  'jobs.show': command({
    permission: 'read',
    input: z.object({ name: jobName }),
    audit: { action: 'job.show', objectType: 'job' },
    run: (ctx, input) => describeJob(ctx.db, input.name),
  }),

  'jobs.history': command({
    permission: 'read',
    input: z.object({
      name: jobName,
      target: serverName.optional(),
      limit: z.number({ error: 'limit is a whole number' }).int('limit is a whole number').optional(),
    }),
    audit: { action: 'job.history', objectType: 'job' },
    run: (ctx, input) => listJobHistory(ctx.db, { job: input.name, target: input.target, limit: input.limit }),
  }),

  'jobs.start': command({
    permission: 'jobs.run',
    input: startInput,
    audit: { action: 'job.start', objectType: 'job' },
    objectName: (input) => input.name,
    run: (ctx, input) => postJobOperation(ctx, 'START', input),
  }),

  'jobs.start-failed': command({
    permission: 'jobs.run',
    input: startFailedInput,
    audit: { action: 'job.start', objectType: 'job' },
    objectName: (input) => input.name,
    run: (ctx, input) => startFailedTargets(ctx, input),
  }),

  'jobs.stop': command({
    permission: 'jobs.run',
    input: runInput,
    audit: { action: 'job.stop', objectType: 'job' },
    objectName: (input) => input.name,
    run: (ctx, input) => postJobOperation(ctx, 'STOP', input),
  }),

  'jobs.pause': command({
    permission: 'jobs.edit',
    input: z.object({ name: jobName, until: pauseUntilInput }),
    audit: { action: 'job.pause', objectType: 'job' },
    objectName: (input) => input.name,
    async run(ctx, input) {
      const { job, posted } = await pauseJobSchedules(ctx, input.name, input.until)
      return { name: job.name, pausedUntil: job.pausedUntil?.toISOString() ?? null, posted }
    },
  }),

  'jobs.resume': command({
    permission: 'jobs.edit',
    input: z.object({ name: jobName }),
    audit: { action: 'job.resume', objectType: 'job' },
    objectName: (input) => input.name,
    async run(ctx, input) {
      const { job, posted, wasPaused } = await resumeJobSchedules(ctx, input.name)
      return { name: job.name, wasPaused, posted }
    },
  }),

  'jobs.versions': command({
    permission: 'read',
    input: z.object({ name: jobName }),
    audit: { action: 'job.versions', objectType: 'job' },
    run: (ctx, input) => listJobVersions(ctx.db, input.name),
  }),

  'jobs.export': command({
    permission: 'read',
    input: z.object({ name: jobName, version: version.optional() }),
    audit: { action: 'job.export', objectType: 'job' },
    run: (ctx, input) => readJobVersion(ctx.db, input.name, input.version),
  }),

  'jobs.diff': command({
    permission: 'read',
    input: z.object({ name: jobName, from: version, to: version }),
    audit: { action: 'job.diff', objectType: 'job' },
    run: (ctx, input) => diffJobVersions(ctx.db, input.name, input.from, input.to),
  }),

  'jobs.targets': command({
    permission: 'read',
    input: z.object({ name: jobName }),
    audit: { action: 'job.targets', objectType: 'job' },
    run: (ctx, input) => jobTargetVersions(ctx.db, input.name),
  }),

  'jobs.running': command({
    permission: 'read',
    input: runningQuery,
    audit: { action: 'job.running', objectType: 'job' },
    run: (ctx, input) => listRunningJobs(ctx.db, input),
  }),

  'jobs.missed': command({
    permission: 'read',
    input: missedRunsQuery,
    audit: { action: 'job.missed', objectType: 'job' },
    run: (ctx, input) => listMissedRuns(ctx.db, input),
  }),
}
