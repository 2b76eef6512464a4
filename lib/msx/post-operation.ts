// sp_post_msx_operation: posts one operation to one target, a group or all targets, in one transaction.
import 'server-only'
import type { Db, Tx } from '../db/client'
import { recordAudit, summarizeNames, targetNamesBeyondSummary } from './audit'
import { inTransaction, type MsxContext } from './context'
import { postInstructions } from './download-list'
import { invalid, refused } from './errors'
import { findJob } from './jobs'
import { activeMaster } from './master'
import { type Operation, objectTypeOf, parseOperation, parsePollInterval } from './operations'
import { type Recipient, type Recipients, resolveRecipients } from './recipients'

export interface PostOperationInput {
  operation: Operation | string
  /** the job, for JOB operations */
  job?: string
  /** SET-POLL: the new polling interval in seconds */
  value?: string | number
  /** START: the step the run begins with (Start Job at Step); step 1 when absent */
  step?: number
  recipients: Recipients
}

function checkedOperation(input: Omit<PostOperationInput, 'value'>) {
  const operation = parseOperation(String(input.operation))
  const objectType = objectTypeOf(operation)
  if (objectType === 'JOB' && !input.job) throw invalid(`${operation} is a job operation: name the job.`)
  if (objectType === 'SERVER' && input.job) throw invalid(`${operation} is a server operation: it takes no job.`)
  return { operation, objectType }
}

function checkedValue(operation: Operation, { value, step }: Pick<PostOperationInput, 'value' | 'step'>) {
  if (step !== undefined) {
    if (operation !== 'START') throw invalid(`${operation} takes no step: only START starts a job at a step.`)
    if (!Number.isInteger(step) || step < 1) throw invalid('The step to start at is a step number, from 1.')
  }
  if (operation === 'SET-POLL') return String(parsePollInterval(value))
  if (value !== undefined && value !== '') throw invalid(`${operation} takes no value.`)
  // carried in the instruction's value; an agent that does not read it starts at step 1
  return step !== undefined && step > 1 ? String(step) : null
}

/** Refuses a step the job does not have. */
export async function refuseMissingStep(tx: Tx, job: { id: number; name: string }, step: number | undefined) {
  if (step === undefined) return
  const steps = await tx.jobStep.count({ where: { jobId: job.id } })
  if (step > steps)
    throw invalid(
      `Job "${job.name}" has ${steps === 1 ? 'one step' : `steps 1 to ${steps}`}: choose a step from 1 to ${steps} to start at.`,
    )
}

/** The targets an operation would reach: for a job, only those holding it (chosen ones must all hold it). */
async function operationTargets(tx: Tx, input: Omit<PostOperationInput, 'value'>) {
  let targets: Recipient[] = await resolveRecipients(tx, input.recipients)
  const job = input.job ? await findJob(tx, input.job) : null
  if (job) {
    const holders = await tx.jobServer.findMany({ where: { jobId: job.id }, select: { targetId: true } })
    const holds = new Set(holders.map((h) => h.targetId))
    if ('targets' in input.recipients) {
      const without = targets.filter((t) => !holds.has(t.id))
      if (without.length > 0)
        throw refused(
          `Job "${job.name}" is not applied to ${summarizeNames(without.map((t) => t.name))}: apply it to ${without.length === 1 ? 'that target' : 'those targets'} first.`,
        )
    }
    targets = targets.filter((t) => holds.has(t.id))
  }
  if (targets.length === 0) throw refused(describeNoRecipients(input.recipients, job?.name))
  return { job, targets }
}

/** How many target servers posting would reach, refused for the same reasons posting would be; posts nothing. */
export async function countOperationTargets(db: Db, input: Omit<PostOperationInput, 'value'>): Promise<number> {
  checkedOperation(input)
  return (await operationTargets(db, input)).targets.length
}

export async function postOperation(ctx: MsxContext, input: PostOperationInput) {
  const { operation, objectType } = checkedOperation(input)
  const value = checkedValue(operation, input)
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const { job, targets } = await operationTargets(tx, input)
    if (job) await refuseMissingStep(tx, job, input.step)
    const posted = await postInstructions(
      tx,
      master.name,
      { operation, objectType, objectId: job?.id ?? null, objectName: job?.name ?? null, value },
      targets,
    )
    if (operation === 'DEFECT')
      await tx.targetServer.updateMany({
        where: { id: { in: targets.map((t) => t.id) } },
        data: { state: 'DEFECTING' },
      })
    await recordAudit(tx, ctx.actor, {
      action: 'instruction.post',
      objectType: objectType === 'JOB' ? 'job' : 'target',
      objectName: summarizeNames(targets.map((t) => t.name)),
      details: {
        operation,
        job: job?.name,
        value,
        ...(input.step !== undefined ? { step: input.step } : {}),
        recipients: describeRecipients(input.recipients),
        posted,
        targetNames: targetNamesBeyondSummary(targets.map((t) => t.name)),
      },
    })
    return { operation, posted, targets: targets.map((t) => t.name), step: input.step ?? 1 }
  })
}

function describeRecipients(recipients: Recipients) {
  if ('all' in recipients) return 'all target servers'
  if ('group' in recipients) return `group ${recipients.group}`
  return `${recipients.targets.length} chosen target server${recipients.targets.length === 1 ? '' : 's'}`
}

function describeNoRecipients(recipients: Recipients, job: string | undefined) {
  const where = 'group' in recipients ? `group "${recipients.group}"` : 'this master'
  if (job) return `No target server in ${where} holds job "${job}": nothing was posted.`
  return `There are no target servers in ${where} to post to.`
}
