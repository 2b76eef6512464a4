// What the Jobs list does to the jobs chosen on it: Start, Stop, Enable, Disable, Pause schedules until, Resume
// schedules, Re-post, Delete, each job through the
// same functions as one job's page and the msx CLI, and the plan a confirmation shows before the fan-out.
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
import type { MsxContext } from './context'
import { isMsxError, MsxError } from './errors'
import { describeJob } from './job-list'
import { checkedPauseUntil, pauseJobSchedules, pauseUntilInput, resumeJobSchedules } from './job-pause'
import { repostJob, repostTargets } from './job-repost'
import { deleteJob, findJob, updateJob } from './jobs'
import { postOperation } from './post-operation'
import { statusFilter } from './status'

export const jobNamesInput = z.object({
  names: z
    .array(z.string().trim().min(1).max(128))
    .min(1, { error: 'Select at least one job.' })
    .max(1000, { error: 'Act on at most 1,000 jobs at once.' }),
})

export const pauseJobsInput = jobNamesInput.extend({ until: pauseUntilInput })

/** Who an action on one job would reach, and which of them cannot act on it soon. */
export interface JobFanOut {
  job: string
  targets: number
  offline: number
  blocked: number
  /** targets that hold an older version (or none yet) and have nothing of it left to download: Re-post's */
  older: number
}

/** The plan of a fan-out (Start, Stop, Enable, Disable, Pause, Resume, Re-post, Delete) to the chosen jobs' targets; posts nothing. */
export async function planJobFanOut(db: Db, names: string[], now = new Date()): Promise<JobFanOut[]> {
  return Promise.all(
    names.map(async (name) => {
      const job = await findJob(db, name)
      const holding = { jobServers: { some: { jobId: job.id } } }
      const [targets, offline, blocked] = await Promise.all([
        db.jobServer.count({ where: { jobId: job.id } }),
        db.targetServer.count({ where: { AND: [holding, statusFilter('Suspected offline', now)] } }),
        db.targetServer.count({ where: { AND: [holding, statusFilter('Blocked', now)] } }),
      ])
      return { job: job.name, targets, offline, blocked, older: (await repostTargets(db, job)).length }
    }),
  )
}

export type JobAction = 'start' | 'stop' | 'enable' | 'disable' | 'pause' | 'resume' | 'repost' | 'delete'

export interface JobActionOptions {
  /** Pause: the date and time with its offset, until which no schedule fires */
  until?: string
}

export interface JobActionResult {
  job: string
  /** how many target servers got an instruction */
  posted: number
  /** Resume: the job's schedules were not paused */
  unchanged?: boolean
}

async function actOnOne(
  ctx: MsxContext,
  action: JobAction,
  name: string,
  options: JobActionOptions,
): Promise<JobActionResult> {
  switch (action) {
    case 'start':
    case 'stop': {
      const job = await findJob(ctx.db, name)
      const holders = await ctx.db.jobServer.count({ where: { jobId: job.id } })
      if (holders === 0) return { job: job.name, posted: 0 }
      const { posted } = await postOperation(ctx, {
        operation: action === 'start' ? 'START' : 'STOP',
        job: job.name,
        recipients: { all: true },
      })
      return { job: job.name, posted }
    }
    case 'enable':
    case 'disable': {
      const { definition } = await describeJob(ctx.db, name)
      const enabled = action === 'enable'
      if (definition.enabled === enabled) return { job: definition.name, posted: 0 }
      const saved = await updateJob(ctx, name, { ...definition, enabled })
      return { job: saved.job.name, posted: saved.updated + saved.inserted + saved.deleted }
    }
    case 'pause': {
      const { job, posted } = await pauseJobSchedules(ctx, name, options.until ?? '')
      return { job: job.name, posted }
    }
    case 'resume': {
      const { job, posted, wasPaused } = await resumeJobSchedules(ctx, name)
      return { job: job.name, posted, ...(wasPaused ? {} : { unchanged: true }) }
    }
    case 'repost': {
      const { job, posted } = await repostJob(ctx, name)
      return { job: job.name, posted }
    }
    case 'delete': {
      const { job, deleted } = await deleteJob(ctx, name)
      return { job: job.name, posted: deleted }
    }
  }
}

/** Each chosen job in its own transaction, in order; a refusal stops there, naming what was done before it. */
export async function actOnJobs(
  ctx: MsxContext,
  action: JobAction,
  names: string[],
  options: JobActionOptions = {},
): Promise<JobActionResult[]> {
  // a time that has passed is refused before any job is paused
  if (action === 'pause') checkedPauseUntil(options.until ?? '')
  const done: JobActionResult[] = []
  for (const name of names) {
    try {
      done.push(await actOnOne(ctx, action, name, options))
    } catch (error) {
      if (!isMsxError(error) || done.length === 0) throw error
      throw new MsxError(
        error.code,
        `${error.message} The jobs before it were done: ${done.map((d) => d.job).join(', ')}.`,
      )
    }
  }
  return done
}
