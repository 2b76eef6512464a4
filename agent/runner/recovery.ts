// At start-up: runs still marked in progress were interrupted (the agent was killed, or the machine went down).
// Each is reported once, as failed, and a step process it left behind is ended.

import type { Log } from '../../lib/log'
import { RUN_STATUS } from '../../lib/protocol/agent-v1'
import type { Spool } from '../spool'
import { JOB_OUTCOME_STEP_NAME } from './job-run'
import { killOrphanedStep } from './process-group'

export const INTERRUPTED = 'interrupted: the agent stopped while the job ran'

export function reportInterruptedRuns(spool: Spool, log: Log, now = new Date()): number {
  const runs = spool.openRuns()
  for (const run of runs) {
    if (run.process && killOrphanedStep(run.process))
      log.warn(`ended the processes that step ${run.stepNumber} of job ${run.jobName} left running`)
    const where = run.stepNumber === null ? '' : ` (in step ${run.stepNumber}, ${run.stepName})`
    spool.finishRun(run.runId, {
      stepNumber: 0,
      stepName: JOB_OUTCOME_STEP_NAME,
      runStatus: RUN_STATUS.failed,
      message: `The job failed: ${INTERRUPTED}${where}. The job was invoked by ${run.invokedBy}.`,
      output: '',
      startedAt: run.startedAt.toISOString(),
      durationMs: Math.max(0, now.getTime() - run.startedAt.getTime()),
      retriesAttempted: 0,
    })
    log.warn(`job ${run.jobName} was interrupted when the agent stopped: reported as failed`)
  }
  return runs.length
}
