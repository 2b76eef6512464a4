// Running now with a real master and a real agent: the agent reports a run's start and each step's start, so the
// master lists the run on its current step before that step ends (msx job running), and clears it when the run
// ends, by itself or stopped.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobServer, runningAgent } from '../support/job-runs'
import { eventually, type Master, startMaster, stopAll, tempDir } from '../support/processes'

let master: Master
let work: string

beforeAll(async () => {
  master = await startMaster()
  await runningAgent(master, 'RUN1')
  work = tempDir('msx-running-work-')
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

/** A step that lasts until the test lets it end, by creating its file. */
const gated = (name: string) => ({
  name,
  kind: 'cmdexec',
  command: `while [ ! -e ${path.join(work, name)} ]; do sleep 0.1; done`,
})
const open = (name: string) => fs.writeFileSync(path.join(work, name), '')

async function running(...args: string[]) {
  return JSON.parse((await master.msxOk('job', 'running', '--json', ...args)).stdout) as {
    job: string
    target: string
    runId: string
    step: { number: number; name: string } | null
    afterStep: unknown
  }[]
}

describe('runs in progress, as the agent reports them', () => {
  it('lists a run on its current step before the step ends, then clears it when the run ends', async () => {
    const file = path.join(work, 'backup.json')
    fs.writeFileSync(
      file,
      JSON.stringify({
        name: 'backup',
        steps: [gated('dump'), gated('copy')],
        targets: { servers: ['RUN1'], groups: [] },
      }),
    )
    await master.msxOk('job', 'apply', '--file', file)
    await eventually(
      async () => (await jobServer(master, 'backup', 'RUN1'))?.heldVersion,
      (v) => v === 1,
    )
    await master.msxOk('job', 'start', 'backup')

    const first = await eventually(
      () => running(),
      (rows) => rows.length > 0,
    )
    // no step has ended: the master knows the run only because the agent reported it
    expect(first).toEqual([
      expect.objectContaining({
        job: 'backup',
        target: 'RUN1',
        step: expect.objectContaining({ number: 1, name: 'dump' }),
        afterStep: null,
      }),
    ])
    expect(await master.db.jobHistory.count({ where: { jobName: 'backup' } })).toBe(0)
    expect((await master.msxOk('job', 'running')).stdout).toMatch(/backup +RUN1 +step 1 \(dump\)/)
    expect(await running('--target', 'nothing')).toEqual([])

    open('dump')
    const second = await eventually(
      () => running(),
      (rows) => rows[0]?.step?.number === 2,
    )
    expect(second).toEqual([
      expect.objectContaining({ runId: first[0]?.runId, step: expect.objectContaining({ name: 'copy' }) }),
    ])

    open('copy')
    await eventually(
      () => running(),
      (rows) => rows.length === 0,
    )
    expect(await jobServer(master, 'backup', 'RUN1')).toMatchObject({
      currentRunId: null,
      currentStepNumber: null,
      lastRunOutcome: 1,
    })
    expect(await master.db.jobHistory.count({ where: { jobName: 'backup', stepNumber: 0 } })).toBe(1)
  })

  it('clears a stopped run once its canceled outcome arrives', async () => {
    fs.rmSync(path.join(work, 'dump'))
    await master.msxOk('job', 'start', 'backup')
    await eventually(
      () => running('--job', 'back'),
      (rows) => rows[0]?.step?.number === 1,
    )
    await master.msxOk('job', 'stop', 'backup')
    await eventually(
      () => running(),
      (rows) => rows.length === 0,
    )
    expect(await jobServer(master, 'backup', 'RUN1')).toMatchObject({ currentRunId: null, lastRunOutcome: 3 })
  })
})
