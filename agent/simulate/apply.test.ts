import { describe, expect, it } from 'vitest'
import type { Instruction, JobPayload } from '../../lib/protocol/agent-v1'
import { applyInMemory, type VirtualState } from './apply'

const job: JobPayload = {
  id: 7,
  name: 'nightly',
  version: 1,
  description: '',
  enabled: true,
  category: '[Uncategorized (Multi-Server)]',
  steps: [],
  schedules: [],
}

const instruction = (over: Partial<Instruction>): Instruction => ({
  id: 1,
  operation: 'SET-POLL',
  objectType: 'SERVER',
  objectId: null,
  objectName: null,
  value: null,
  job: null,
  masterTime: null,
  ...over,
})

const fresh = (): VirtualState => ({ pollIntervalSeconds: 60, clockOffsetMs: 0, jobs: new Map() })

describe('applyInMemory', () => {
  it('keeps, replaces and deletes jobs', () => {
    const state = fresh()
    expect(applyInMemory(state, instruction({ operation: 'INSERT', objectType: 'JOB', objectId: 7, job }))).toEqual({
      ok: true,
    })
    applyInMemory(
      state,
      instruction({ operation: 'UPDATE', objectType: 'JOB', objectId: 7, job: { ...job, version: 2 } }),
    )
    expect(state.jobs.get(7)?.version).toBe(2)
    applyInMemory(state, instruction({ operation: 'DELETE', objectType: 'JOB', objectId: 7 }))
    expect(state.jobs.size).toBe(0)
  })

  it('DELETE without a job deletes them all (re-synchronization)', () => {
    const state = fresh()
    state.jobs.set(1, job).set(2, job)
    applyInMemory(state, instruction({ operation: 'DELETE', objectType: 'JOB' }))
    expect(state.jobs.size).toBe(0)
  })

  it('refuses INSERT of a job that no longer exists on the master', () => {
    const result = applyInMemory(fresh(), instruction({ operation: 'INSERT', objectType: 'JOB', objectName: 'gone' }))
    expect(result).toEqual({ ok: false, error: 'The job of INSERT gone no longer exists on the master.' })
  })

  it('SET-POLL takes the interval the model allows, and refuses others with its sentence', () => {
    const s = fresh()
    expect(applyInMemory(s, instruction({ value: '45' }))).toEqual({ ok: true })
    expect(s.pollIntervalSeconds).toBe(45)
    const refused = applyInMemory(s, instruction({ value: '5' }))
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error).toContain('from 10 to 28,800')
    expect(s.pollIntervalSeconds).toBe(45)
  })

  it('SYNC-TIME keeps the master clock as an offset', () => {
    const s = fresh()
    applyInMemory(
      s,
      instruction({ operation: 'SYNC-TIME', masterTime: '2026-01-01T00:00:10.000Z' }),
      Date.parse('2026-01-01T00:00:00.000Z'),
    )
    expect(s.clockOffsetMs).toBe(10_000)
    expect(applyInMemory(s, instruction({ operation: 'SYNC-TIME' })).ok).toBe(false)
  })

  it('START runs a job it holds and refuses one it does not', () => {
    const s = fresh()
    s.jobs.set(7, job)
    expect(applyInMemory(s, instruction({ operation: 'START', objectType: 'JOB', objectId: 7 }))).toEqual({
      ok: true,
      next: { run: job },
    })
    const missing = applyInMemory(
      s,
      instruction({ operation: 'START', objectType: 'JOB', objectId: 8, objectName: 'other' }),
    )
    expect(missing).toEqual({
      ok: false,
      error: 'Job other is not on this target: re-synchronize the target to download its jobs again.',
    })
  })

  it('hands RE-ENLIST and DEFECT back to the virtual target', () => {
    expect(applyInMemory(fresh(), instruction({ operation: 'RE-ENLIST' }))).toEqual({ ok: true, next: 'reenlist' })
    expect(applyInMemory(fresh(), instruction({ operation: 'DEFECT' }))).toEqual({ ok: true, next: 'defect' })
    expect(applyInMemory(fresh(), instruction({ operation: 'STOP', objectType: 'JOB', objectId: 7 }))).toEqual({
      ok: true,
    })
  })
})
