// How a run in progress is put in words, the same on Running now, a job's History and msx job running.
import type { RunningJob } from './jobs-running'

/** "step 2 (wait)", or for a target that does not report progress "after step 1 (rotate), succeeded". */
export function currentStepWords(run: Pick<RunningJob, 'step' | 'afterStep'>): string {
  if (run.step) return `step ${run.step.number} (${run.step.name})`
  if (run.afterStep)
    return `after step ${run.afterStep.number} (${run.afterStep.name}), ${run.afterStep.outcome.toLowerCase()}`
  return 'starting'
}
