import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Spool } from './spool'
import { AgentStore } from './store'

const dirs: string[] = []
function openStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-spool-'))
  dirs.push(dir)
  return new AgentStore(dir)
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

const outcome = (stepNumber: number, runStatus: 0 | 1 | 2 | 3) => ({
  stepNumber,
  stepName: `step ${stepNumber}`,
  runStatus,
  message: '',
  output: 'x'.repeat(100),
  startedAt: new Date().toISOString(),
  durationMs: 1,
  retriesAttempted: 0,
})

const at = (time: string) => new Date(`2030-01-01T${time}Z`)

describe('the spool', () => {
  it('gives each outcome of a run its own key, and closes the run with the job outcome', () => {
    const store = openStore()
    const spool = new Spool(store)
    let progressed = 0
    spool.onProgress = () => progressed++
    spool.beginRun({ runId: 'r1', jobId: 7, jobName: 'j', invokedBy: 'START', startedAt: at('02:00:00') })
    expect(spool.progress()).toEqual([
      {
        runId: 'r1',
        jobId: 7,
        jobName: 'j',
        startedAt: at('02:00:00').toISOString(),
        stepNumber: null,
        stepName: null,
        stepStartedAt: null,
      },
    ])
    spool.enterStep('r1', { stepNumber: 1, name: 'step 1' }, at('02:00:01'))
    spool.stepProcess('r1', { pid: 123, start: '456' })
    expect(spool.openRuns()).toMatchObject([{ runId: 'r1', stepNumber: 1, process: { pid: 123, start: '456' } }])
    expect(spool.progress()).toMatchObject([
      { runId: 'r1', stepNumber: 1, stepName: 'step 1', stepStartedAt: at('02:00:01').toISOString() },
    ])
    expect(progressed).toBe(2)
    spool.recordStep('r1', outcome(1, 2))
    spool.recordStep('r1', outcome(1, 1))
    spool.finishRun('r1', outcome(0, 1))
    expect(spool.openRuns()).toEqual([])
    expect(spool.progress()).toEqual([])
    const { outcomes } = spool.nextBatch(10, 1_000_000)
    expect(outcomes.map((o) => [o.idempotencyKey, o.jobId, o.jobName])).toEqual([
      ['r1:1', 7, 'j'],
      ['r1:2', 7, 'j'],
      ['r1:job', 7, 'j'],
    ])
    expect(spool.depth().count).toBe(3)
    store.close()
  })

  it('hands out batches by size, at least one outcome each, and forgets what was delivered', () => {
    const store = openStore()
    const spool = new Spool(store)
    spool.beginRun({ runId: 'r2', jobId: 1, jobName: 'j', invokedBy: 'START', startedAt: new Date() })
    for (let i = 0; i < 5; i++) spool.recordStep('r2', outcome(1, 0))
    const first = spool.nextBatch(10, 10)
    expect(first.seqs).toHaveLength(1)
    spool.delivered(first.seqs)
    const rest = spool.nextBatch(3, 1_000_000)
    expect(rest.seqs).toHaveLength(3)
    spool.delivered(rest.seqs)
    expect(spool.depth().count).toBe(1)
    store.close()
  })

  it('keeps spooled outcomes across a reopen, and forgets them with the enlistment', () => {
    const store = openStore()
    new Spool(store).beginRun({ runId: 'r3', jobId: 1, jobName: 'j', invokedBy: 'START', startedAt: new Date() })
    new Spool(store).recordStep('r3', outcome(1, 1))
    store.close()
    const again = new AgentStore(store.dataDir)
    expect(new Spool(again).depth().count).toBe(1)
    again.set({ name: 'T', allowProxyMatching: 'on' })
    again.clearEnlistment()
    expect(new Spool(again).depth().count).toBe(0)
    expect(new Spool(again).openRuns()).toEqual([])
    expect(again.get('allowProxyMatching')).toBe('on')
    expect(again.get('name')).toBeUndefined()
    again.close()
  })
})
