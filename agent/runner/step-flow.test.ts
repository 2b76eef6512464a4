import { describe, expect, it } from 'vitest'
import { nextMove } from './step-flow'

describe('what follows a step', () => {
  it('goes to the next step, or past the last one ends as that step did', () => {
    expect(nextMove('next', 0, 3, 1)).toEqual({ step: 1 })
    expect(nextMove('next', 2, 3, 1)).toEqual({ quit: 1 })
    expect(nextMove('next', 2, 3, 0)).toEqual({ quit: 0 })
  })

  it('quits reporting success or failure whatever the step did', () => {
    expect(nextMove('quit-success', 0, 3, 0)).toEqual({ quit: 1 })
    expect(nextMove('quit-failure', 0, 3, 1)).toEqual({ quit: 0 })
  })

  it('goes to step N, and fails the job when N is not one of its steps', () => {
    expect(nextMove('goto:3', 0, 3, 0)).toEqual({ step: 2 })
    expect(nextMove('goto:4', 0, 3, 0)).toMatchObject({ quit: 0, why: expect.stringContaining('goto:4') })
  })
})
