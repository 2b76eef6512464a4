// The flow of a job's steps: where each step's success and failure lead, and which steps no path reaches. The
// definition refuses a go-to to itself or to no step (job-definition.ts); a step no path reaches is only warned
// about, as SSMS does, since it may be kept for a later start at that step.
export type StepAction = string

export interface FlowStep {
  name: string
  onSuccess?: StepAction
  onFailure?: StepAction
}

export type FlowTarget = { kind: 'step'; number: number } | { kind: 'quit'; outcome: 'success' | 'failure' }

/** Where an action of step `number` (1-based) leads; `next` after the last step quits reporting success. */
export function flowTarget(action: StepAction, number: number, count: number): FlowTarget | null {
  if (action === 'quit-success') return { kind: 'quit', outcome: 'success' }
  if (action === 'quit-failure') return { kind: 'quit', outcome: 'failure' }
  if (action === 'next')
    return number < count ? { kind: 'step', number: number + 1 } : { kind: 'quit', outcome: 'success' }
  const goto = /^goto:(\d+)$/.exec(action)
  if (!goto) return null
  const to = Number(goto[1])
  return to >= 1 && to <= count && to !== number ? { kind: 'step', number: to } : null
}

/** Why an action cannot be saved, in words, or null when it can. */
export function flowProblem(action: StepAction, number: number, count: number): string | null {
  const goto = /^goto:(\d+)$/.exec(action)
  if (!goto) return null
  const to = Number(goto[1])
  if (to === 0) return `Step ${number} went to a step that was deleted: choose where it goes now.`
  if (to === number) return `Step ${number} cannot go to itself: choose another step, or quit.`
  if (to < 1 || to > count) return `Step ${number} goes to step ${to}, but the job has steps 1 to ${count}.`
  return null
}

/** The step numbers (1-based) no path from step 1 reaches. */
export function unreachableSteps(steps: FlowStep[]): number[] {
  const seen = new Set<number>()
  const queue = steps.length > 0 ? [1] : []
  while (queue.length > 0) {
    const n = queue.shift() as number
    if (seen.has(n)) continue
    seen.add(n)
    const step = steps[n - 1]
    for (const action of [step?.onSuccess ?? 'next', step?.onFailure ?? 'quit-failure']) {
      const to = flowTarget(action, n, steps.length)
      if (to?.kind === 'step' && !seen.has(to.number)) queue.push(to.number)
    }
  }
  return steps.map((_, i) => i + 1).filter((n) => !seen.has(n))
}

/**
 * The actions after a step moves from `from` to `to` (1-based), or is removed (`to` null): go-tos follow the
 * steps they named, and a go-to to the removed step becomes `goto:0`, a problem the editor shows, never a
 * silent change to another step.
 */
export function renumberGoto(action: StepAction, from: number, to: number | null): StepAction {
  const goto = /^goto:(\d+)$/.exec(action)
  if (!goto) return action
  const target = Number(goto[1])
  if (to === null) {
    if (target === from) return 'goto:0'
    return target > from ? `goto:${target - 1}` : action
  }
  if (target === from) return `goto:${to}`
  if (from < to && target > from && target <= to) return `goto:${target - 1}`
  if (from > to && target >= to && target < from) return `goto:${target + 1}`
  return action
}

/** The actions after a step is inserted at `at` (1-based): go-tos to it and the steps after it shift by one. */
export function shiftGotoForInsert(action: StepAction, at: number): StepAction {
  const goto = /^goto:(\d+)$/.exec(action)
  if (!goto) return action
  const target = Number(goto[1])
  return target >= at ? `goto:${target + 1}` : action
}
