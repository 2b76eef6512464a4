// Start at step N (SSMS's Start Job at Step) on all of a job's targets or chosen ones, and Start on failed targets:
// the targets whose latest run of the job failed, run again from the step that failed or from the start. Each with
// the plan its confirmation shows first. START carries the step in its value (docs/agent-protocol.md).
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
import { recordAudit, summarizeNames, targetNamesBeyondSummary } from './audit'
import { inTransaction, type MsxContext } from './context'
import { postInstructions } from './download-list'
import { invalid, parseOrInvalid } from './errors'
import { findJob } from './jobs'
import { activeMaster } from './master'
import { nameKey, serverNames } from './names'
import { postOperation } from './post-operation'
import { statusFilter } from './status'

const jobName = z.string().trim().min(1, 'Name the job.').max(128)
const step = z
  .number({ error: 'Choose the step to start at.' })
  .int('Choose the step to start at: a step number.')
  .min(1, 'Choose the step to start at: steps are numbered from 1.')

export const startAtStepInput = z.object({
  name: jobName,
  /** none: every target holding the job */
  targets: serverNames.optional(),
  step: step.default(1),
})
export type StartAtStepInput = z.input<typeof startAtStepInput>

export const FAILED_FROM = ['failed-step', 'start'] as const
export const startFailedInput = z.object({
  name: jobName,
  from: z.enum(FAILED_FROM, { error: 'Choose to start from the failed step or from the start.' }),
})

export interface StartPlan {
  targets: number
  offline: number
  blocked: number
}

/** How many of the targets a Start at step would reach are offline or blocked; posts nothing. */
export async function planStartAtStep(db: Db, input: StartAtStepInput, now = new Date()): Promise<StartPlan> {
  const { name, targets } = parseOrInvalid(startAtStepInput, input)
  const job = await findJob(db, name)
  const holding = {
    jobServers: { some: { jobId: job.id } },
    ...(targets ? { nameKey: { in: targets.map(nameKey) } } : {}),
  }
  const [reach, offline, blocked] = await Promise.all([
    db.targetServer.count({ where: holding }),
    db.targetServer.count({ where: { AND: [holding, statusFilter('Suspected offline', now)] } }),
    db.targetServer.count({ where: { AND: [holding, statusFilter('Blocked', now)] } }),
  ])
  return { targets: reach, offline, blocked }
}

/** Posts START at a step to the job's targets (all, or those chosen, which must hold it). */
export async function startJobAtStep(ctx: MsxContext, input: StartAtStepInput) {
  const { name, targets, step: at } = parseOrInvalid(startAtStepInput, input)
  return postOperation(ctx, {
    operation: 'START',
    job: name,
    step: at,
    recipients: targets ? { targets } : { all: true },
  })
}

export interface FailedTarget {
  target: string
  targetId: number
  runId: string
  /** the step that failed in that run (1 when none did, as when the run failed before its first step) */
  failedStep: number
  failedStepName: string | null
}

/** The targets holding the job whose latest run of it failed, each with the step that failed. */
export async function failedTargetsOf(db: Db, name: string): Promise<FailedTarget[]> {
  const job = await findJob(db, name)
  const [holders, steps] = await Promise.all([
    db.jobServer.findMany({
      where: { jobId: job.id, lastRunOutcome: 0 },
      select: { targetId: true, target: { select: { name: true } } },
      orderBy: { target: { nameKey: 'asc' } },
    }),
    db.jobStep.count({ where: { jobId: job.id } }),
  ])
  return Promise.all(
    holders.map(async (h) => {
      const outcome = await db.jobHistory.findFirst({
        where: { jobId: job.id, targetId: h.targetId, stepNumber: 0 },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        select: { runId: true },
      })
      const failed = outcome
        ? await db.jobHistory.findFirst({
            where: { runId: outcome.runId, targetId: h.targetId, stepNumber: { gt: 0 }, runStatus: 0 },
            orderBy: { id: 'desc' },
            select: { stepNumber: true, stepName: true },
          })
        : null
      // a step the job no longer has (it was edited since) is run from the start
      const inJob = failed && failed.stepNumber <= steps
      return {
        target: h.target.name,
        targetId: h.targetId,
        runId: outcome?.runId ?? '',
        failedStep: inJob ? failed.stepNumber : 1,
        failedStepName: inJob ? failed.stepName : null,
      }
    }),
  )
}

/** Start on failed targets: START to each failed target only, at its failed step or at step 1, in one transaction. */
export async function startFailedTargets(ctx: MsxContext, input: z.input<typeof startFailedInput>) {
  const { name, from } = parseOrInvalid(startFailedInput, input)
  const failed = await failedTargetsOf(ctx.db, name)
  if (failed.length === 0) throw invalid(`No target server's latest run of job "${name}" failed: nothing to start.`)
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const job = await findJob(tx, name)
    const byStep = new Map<number, FailedTarget[]>()
    for (const f of failed) {
      const at = from === 'start' ? 1 : f.failedStep
      byStep.set(at, [...(byStep.get(at) ?? []), f])
    }
    let posted = 0
    for (const [at, targets] of byStep)
      posted += await postInstructions(
        tx,
        master.name,
        {
          operation: 'START',
          objectType: 'JOB',
          objectId: job.id,
          objectName: job.name,
          value: at > 1 ? String(at) : null,
        },
        targets.map((t) => ({ id: t.targetId, name: t.target })),
      )
    const names = failed.map((f) => f.target)
    await recordAudit(tx, ctx.actor, {
      action: 'instruction.post',
      objectType: 'job',
      objectName: summarizeNames(names),
      details: {
        operation: 'START',
        job: job.name,
        recipients: 'its failed target servers',
        from,
        steps: Object.fromEntries([...byStep].map(([at, targets]) => [at, targets.length])),
        posted,
        targetNames: targetNamesBeyondSummary(names),
      },
    })
    return {
      job: job.name,
      posted,
      steps: [...byStep].map(([at, targets]) => ({ step: at, targets: targets.map((t) => t.target) })),
    }
  })
}
