// What Start at step and Start on failed targets say: in their confirmation (the plan), and once done.
import { targetServers } from '@/components/format/counts'
import { sayNames } from '@/components/format/names'
import type { FailedTarget, StartPlan } from '@/lib/msx/job-start'

/** "START to 3 target servers, at step 2; 1 suspected offline (it gets it when it polls again)" */
export function describeStartPlan(plan: StartPlan, step: number): string {
  const late = [
    plan.offline > 0 && `${plan.offline.toLocaleString('en-US')} suspected offline (they get it when they poll again)`,
    plan.blocked > 0 && `${plan.blocked.toLocaleString('en-US')} blocked by an instruction in error`,
  ].filter(Boolean)
  const reach = `START to ${targetServers(plan.targets)}, at step ${step}`
  return late.length ? `${reach}; ${late.join(', ')}` : reach
}

/** "Posted START to 3 target servers, at step 2." */
export const startedAtStep = (posted: number, step: number) =>
  `Posted START to ${targetServers(posted)}, at step ${step}.`

/** One line of the plan of Start on failed targets: "TSX1: START at step 2 (copy)". */
export function describeFailedTarget(failed: FailedTarget, from: 'failed-step' | 'start'): string {
  if (from === 'start') return `${failed.target}: START at step 1`
  return `${failed.target}: START at step ${failed.failedStep}${failed.failedStepName ? ` (${failed.failedStepName})` : ''}`
}

/** "Posted START to 2 target servers, at their failed steps: step 2 on TSX1, step 3 on TSX2." */
export function startedFailedTargets(posted: number, steps: { step: number; targets: string[] }[]): string {
  if (steps.length === 1 && steps[0]) return startedAtStep(posted, steps[0].step)
  const each = steps.map((s) => `step ${s.step} on ${sayNames(s.targets)}`).join(', ')
  return `Posted START to ${targetServers(posted)}, at their failed steps: ${each}.`
}
