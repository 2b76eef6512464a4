import { describe, expect, it } from 'vitest'
import { type JobPayload, outcomesRequest, RUN_STATUS } from '../../lib/protocol/agent-v1'
import { simulateRun } from './job-run'

const step = (stepNumber: number, over: Partial<JobPayload['steps'][number]> = {}): JobPayload['steps'][number] => ({
  stepNumber,
  name: `step ${stepNumber}`,
  kind: 'cmdexec',
  command: 'true',
  connection: null,
  proxy: null,
  onSuccess: 'next',
  onFailure: 'quit-failure',
  retryAttempts: 0,
  retryIntervalSeconds: 0,
  timeoutSeconds: null,
  ...over,
})

const job = (steps: JobPayload['steps']): JobPayload => ({
  id: 3,
  name: 'nightly',
  version: 1,
  description: '',
  enabled: true,
  category: '',
  steps,
  schedules: [],
})

describe('simulateRun', () => {
  it('runs every step as a success and ends with the job outcome, all valid for the protocol', () => {
    const outcomes = simulateRun(job([step(1), step(2)]), false)
    expect(outcomes.map((o) => [o.stepNumber, o.runStatus])).toEqual([
      [1, RUN_STATUS.succeeded],
      [2, RUN_STATUS.succeeded],
      [0, RUN_STATUS.succeeded],
    ])
    expect(new Set(outcomes.map((o) => o.idempotencyKey)).size).toBe(3)
    expect(new Set(outcomes.map((o) => o.runId)).size).toBe(1)
    expect(outcomesRequest.safeParse({ outcomes }).success).toBe(true)
  })

  it('with failing steps follows the on-failure action, after recording each retry', () => {
    const outcomes = simulateRun(job([step(1, { retryAttempts: 2 }), step(2)]), true)
    expect(outcomes.map((o) => [o.stepNumber, o.runStatus, o.retriesAttempted])).toEqual([
      [1, RUN_STATUS.retry, 0],
      [1, RUN_STATUS.retry, 1],
      [1, RUN_STATUS.failed, 2],
      [0, RUN_STATUS.failed, 0],
    ])
    expect(outcomes.at(-1)?.message).toContain('The last step to run was step 1 (step 1)')
  })

  it('goes to the step an action names', () => {
    const outcomes = simulateRun(
      job([step(1, { onFailure: 'goto:3' }), step(2), step(3, { onFailure: 'quit-success' })]),
      true,
    )
    expect(outcomes.map((o) => [o.stepNumber, o.runStatus])).toEqual([
      [1, RUN_STATUS.failed],
      [3, RUN_STATUS.failed],
      [0, RUN_STATUS.succeeded],
    ])
  })

  it('ends a go-to loop instead of running for ever, and fails a job without steps', () => {
    const loop = simulateRun(job([step(1, { onSuccess: 'goto:1' })]), false)
    expect(loop.at(-1)).toMatchObject({ stepNumber: 0, runStatus: RUN_STATUS.failed })
    expect(loop.length).toBe(1001)
    expect(simulateRun(job([]), false)).toMatchObject([{ stepNumber: 0, runStatus: RUN_STATUS.failed }])
  })
})
