import { describe, expect, it } from 'vitest'
import { flowProblem, renumberGoto, shiftGotoForInsert, unreachableSteps } from './job-flow'

const step = (name: string, onSuccess = 'next', onFailure = 'quit-failure') => ({ name, onSuccess, onFailure })

describe('the flow of a job’s steps', () => {
  it('reaches every step of a plain sequence', () => {
    expect(unreachableSteps([step('a'), step('b'), step('c')])).toEqual([])
  })

  it('warns of a step that no success or failure leads to', () => {
    expect(unreachableSteps([step('a', 'quit-success'), step('b'), step('c')])).toEqual([2, 3])
    expect(unreachableSteps([step('a', 'goto:3', 'goto:3'), step('b'), step('c')])).toEqual([2])
    expect(unreachableSteps([step('a', 'next', 'goto:3'), step('b', 'quit-success'), step('c')])).toEqual([])
  })

  it('follows loops without looping', () => {
    expect(unreachableSteps([step('a'), step('b', 'next', 'goto:1'), step('c', 'goto:1')])).toEqual([])
  })

  it('refuses a go-to to itself, to no step, and to a deleted step, in words', () => {
    expect(flowProblem('goto:2', 2, 3)).toBe('Step 2 cannot go to itself: choose another step, or quit.')
    expect(flowProblem('goto:5', 1, 3)).toBe('Step 1 goes to step 5, but the job has steps 1 to 3.')
    expect(flowProblem('goto:0', 1, 3)).toBe('Step 1 went to a step that was deleted: choose where it goes now.')
    expect(flowProblem('goto:3', 1, 3)).toBeNull()
    expect(flowProblem('quit-success', 1, 1)).toBeNull()
  })

  it('keeps each go-to on the step it named when steps move, are inserted or deleted', () => {
    // step 1 moves to 3: steps 2 and 3 become 1 and 2
    expect(['goto:1', 'goto:2', 'goto:3', 'goto:4'].map((a) => renumberGoto(a, 1, 3))).toEqual([
      'goto:3',
      'goto:1',
      'goto:2',
      'goto:4',
    ])
    // step 3 moves to 1
    expect(['goto:1', 'goto:2', 'goto:3', 'goto:4'].map((a) => renumberGoto(a, 3, 1))).toEqual([
      'goto:2',
      'goto:3',
      'goto:1',
      'goto:4',
    ])
    expect(['goto:1', 'goto:2', 'goto:3', 'next'].map((a) => renumberGoto(a, 2, null))).toEqual([
      'goto:1',
      'goto:0',
      'goto:2',
      'next',
    ])
    expect(['goto:1', 'goto:2', 'goto:3'].map((a) => shiftGotoForInsert(a, 2))).toEqual(['goto:1', 'goto:3', 'goto:4'])
  })
})
