// What follows a step (sysjobsteps' on_success_action / on_fail_action): the next step, quitting with success or
// failure, or going to step N. Past the last step, the job ends as its last step did.
import { RUN_STATUS } from '../../lib/protocol/agent-v1'

type Ended = typeof RUN_STATUS.failed | typeof RUN_STATUS.succeeded

export type NextMove = { step: number } | { quit: Ended; why?: string }

/** The move after the step at `index` (0-based) ended with `status`, in a job of `count` steps. */
export function nextMove(action: string, index: number, count: number, status: Ended): NextMove {
  if (action === 'quit-success') return { quit: RUN_STATUS.succeeded }
  if (action === 'quit-failure') return { quit: RUN_STATUS.failed }
  if (action === 'next') return index + 1 < count ? { step: index + 1 } : { quit: status }
  const goto = /^goto:(\d+)$/.exec(action)
  const target = goto ? Number(goto[1]) - 1 : -1
  if (target >= 0 && target < count) return { step: target }
  return { quit: RUN_STATUS.failed, why: `the step's action "${action}" names no step of this job` }
}
