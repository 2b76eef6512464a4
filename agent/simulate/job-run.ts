// A virtual target's run of a job: every step a no-op that ends at once, succeeded (or failed, with --fail-steps),
// followed by its on-success or on-failure action as agent/runner moves; a failed step's retries are recorded at
// once, without waiting their interval. The records are the real protocol's outcomes, idempotency keys included.
import { randomUUID } from 'node:crypto'
import { type JobPayload, type OutcomeRecord, RUN_STATUS, type RunStatus } from '../../lib/protocol/agent-v1'
import { JOB_OUTCOME_STEP_NAME, MAX_STEP_RUNS } from '../runner/job-run'
import { nextMove } from '../runner/step-flow'

export function simulateRun(job: JobPayload, failSteps: boolean, now = new Date()): OutcomeRecord[] {
  const runId = randomUUID()
  const startedAt = now.toISOString()
  const outcomes: OutcomeRecord[] = []
  const record = (outcome: Omit<OutcomeRecord, 'idempotencyKey' | 'runId' | 'jobId' | 'jobName' | 'startedAt'>) =>
    outcomes.push({
      ...outcome,
      idempotencyKey: `${runId}:${outcome.stepNumber === 0 ? 'job' : outcomes.length}`,
      runId,
      jobId: job.id,
      jobName: job.name,
      startedAt,
    })
  const finish = (runStatus: RunStatus, message: string) => {
    record({
      stepNumber: 0,
      stepName: JOB_OUTCOME_STEP_NAME,
      runStatus,
      message,
      output: '',
      durationMs: 0,
      retriesAttempted: 0,
    })
    return outcomes
  }
  if (job.steps.length === 0) return finish(RUN_STATUS.failed, 'The job failed: it has no steps. (simulated)')
  const ended = failSteps ? RUN_STATUS.failed : RUN_STATUS.succeeded
  let index = 0
  for (let stepRuns = 0; stepRuns < MAX_STEP_RUNS; stepRuns++) {
    const step = job.steps[index]
    if (!step) break
    const retries = failSteps ? step.retryAttempts : 0
    for (let attempt = 0; attempt <= retries; attempt++)
      record({
        stepNumber: step.stepNumber,
        stepName: step.name,
        runStatus: attempt < retries ? RUN_STATUS.retry : ended,
        message: `Simulated step: nothing was run; it ${failSteps ? 'failed' : 'succeeded'} as told.`,
        output: '',
        durationMs: 0,
        retriesAttempted: attempt,
      })
    const move = nextMove(failSteps ? step.onFailure : step.onSuccess, index, job.steps.length, ended)
    if ('quit' in move)
      return finish(
        move.quit,
        `The job ${move.quit === RUN_STATUS.succeeded ? 'succeeded' : 'failed'}${move.why ? `: ${move.why}` : ''}. The job was invoked by START from the master (simulated). The last step to run was step ${step.stepNumber} (${step.name}).`,
      )
    index = move.step
  }
  return finish(RUN_STATUS.failed, `The job failed: its go-to actions ran ${MAX_STEP_RUNS} steps. (simulated)`)
}
