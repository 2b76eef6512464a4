// One run of a job on this target: its steps in order, each followed by its on-success or on-failure action,
// failed attempts retried after their interval. Every step run and the job's outcome go to the spool at once.
import { proxyMatchingError } from '../../lib/msx/proxy-matching'
import { type JobPayload, RUN_STATUS, type RunStatus } from '../../lib/protocol/agent-v1'
import { sleep } from '../backoff'
import { proxySetup } from '../proxies'
import type { Spool } from '../spool'
import type { AgentStore } from '../store'
import type { Clock } from './master-clock'
import { executeStep, type JobStep } from './step-execution'
import { nextMove } from './step-flow'

/** sysjobhistory's name for the row of the job's own outcome (step 0). */
export const JOB_OUTCOME_STEP_NAME = '(Job outcome)'
/** A job whose go-to actions loop is ended after this many step runs instead of running for ever. */
export const MAX_STEP_RUNS = 1000

export interface JobRunInput {
  job: JobPayload
  runId: string
  /** "START from the master", "schedule nightly" */
  invokedBy: string
  /** the step the run begins with (1 unless START named one) */
  startStep?: number
  /** aborted, with the reason as a sentence, by STOP or by the agent stopping */
  signal: AbortSignal
}

export interface JobRunDeps {
  store: AgentStore
  spool: Spool
  /** the master's time as this target knows it: run and step start times are stamped with it */
  now: Clock
}

type StepEnd = typeof RUN_STATUS.failed | typeof RUN_STATUS.succeeded | 'canceled'

export async function runJob(
  { job, runId, invokedBy, startStep = 1, signal }: JobRunInput,
  deps: JobRunDeps,
): Promise<RunStatus> {
  const startedAt = deps.now()
  const began = Date.now()
  deps.spool.beginRun({ runId, jobId: job.id, jobName: job.name, invokedBy, startedAt })
  let last: JobStep | undefined
  const finish = (runStatus: RunStatus, message: string) => {
    deps.spool.finishRun(runId, {
      stepNumber: 0,
      stepName: JOB_OUTCOME_STEP_NAME,
      runStatus,
      message,
      output: '',
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - began,
      retriesAttempted: 0,
    })
    return runStatus
  }
  const tail = () =>
    `The job was invoked by ${invokedBy}.${last ? ` The last step to run was step ${last.stepNumber} (${last.name}).` : ''}`

  // the proxy rule holds at run time too: a proxy may have been removed, or matching turned off, since INSERT
  const proxyError = proxyMatchingError(job.steps, proxySetup(deps.store))
  if (proxyError) return finish(RUN_STATUS.failed, proxyError)
  if (job.steps.length === 0) return finish(RUN_STATUS.failed, `The job failed: it has no steps. ${tail()}`)

  // the job may have changed on the master since the START was posted
  if (startStep > job.steps.length)
    return finish(
      RUN_STATUS.failed,
      `The job failed: it was started at step ${startStep}, but version ${job.version} here has steps 1 to ${job.steps.length}. ${tail()}`,
    )

  let index = startStep - 1
  for (let stepRuns = 0; ; stepRuns++) {
    if (signal.aborted) return finish(RUN_STATUS.canceled, `The job was canceled: ${String(signal.reason)}. ${tail()}`)
    if (stepRuns >= MAX_STEP_RUNS)
      return finish(RUN_STATUS.failed, `The job failed: its go-to actions ran ${MAX_STEP_RUNS} steps. ${tail()}`)
    const step = job.steps[index] as JobStep
    last = step
    deps.spool.enterStep(runId, step, deps.now())
    const end = await runStep(step, runId, signal, deps)
    if (end === 'canceled')
      return finish(RUN_STATUS.canceled, `The job was canceled: ${String(signal.reason)}. ${tail()}`)
    const move = nextMove(end === RUN_STATUS.succeeded ? step.onSuccess : step.onFailure, index, job.steps.length, end)
    if ('quit' in move) {
      const verdict = move.quit === RUN_STATUS.succeeded ? 'The job succeeded' : 'The job failed'
      return finish(move.quit, `${verdict}${move.why ? `: ${move.why}` : ''}. ${tail()}`)
    }
    index = move.step
  }
}

/** Runs a step until it succeeds, is canceled, or has no retries left; each attempt is recorded. */
async function runStep(step: JobStep, runId: string, signal: AbortSignal, deps: JobRunDeps): Promise<StepEnd> {
  for (let attempt = 0; ; attempt++) {
    const result = await executeStep(step, {
      store: deps.store,
      signal,
      now: deps.now,
      onProcess: (process) => deps.spool.stepProcess(runId, process),
    })
    const retry = result.runStatus === RUN_STATUS.failed && attempt < step.retryAttempts && !signal.aborted
    deps.spool.recordStep(runId, {
      stepNumber: step.stepNumber,
      stepName: step.name,
      runStatus: retry ? RUN_STATUS.retry : result.runStatus,
      message: retry
        ? `${result.message} Retrying in ${step.retryIntervalSeconds} s (retry ${attempt + 1} of ${step.retryAttempts}).`
        : result.message,
      output: result.output,
      startedAt: result.startedAt.toISOString(),
      durationMs: result.durationMs,
      retriesAttempted: attempt,
    })
    if (!retry) return result.runStatus === RUN_STATUS.canceled ? 'canceled' : result.runStatus
    await sleep(step.retryIntervalSeconds * 1000, signal)
    if (signal.aborted) return 'canceled'
  }
}
