// Jobs running on a real agent: step actions, retries, timeouts, START and STOP, schedules; every outcome reaches
// the master's job history and job servers.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJob } from '../../lib/msx/jobs'
import { postOperation } from '../../lib/msx/post-operation'
import { adminOf, alive, historyRows, jobServer, postJob, runningAgent, waitForRuns } from '../support/job-runs'
import { agentStatus, eventually, type Master, startMaster, stopAll, tempDir } from '../support/processes'

let master: Master
let agentDir: string
let work: string

beforeAll(async () => {
  master = await startMaster()
  agentDir = (await runningAgent(master, 'RUN1')).dataDir
  work = tempDir('msx-jobs-work-')
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

type Step = Parameters<typeof createJob>[1]['steps'][number]

async function jobOnRun1(name: string, steps: Step[], schedules: Parameters<typeof createJob>[1]['schedules'] = []) {
  await createJob(adminOf(master), { name, steps, schedules, targets: { servers: ['RUN1'], groups: [] } })
  await eventually(
    () => agentStatus(agentDir),
    (s) => s.jobs.some((j) => j.name === name),
  )
}

describe('steps and their actions', () => {
  it('a failing step follows its on-failure action; the job ends as the last action says', async () => {
    await jobOnRun1('flow', [
      { name: 'fail', kind: 'cmdexec', command: 'echo about to fail; exit 4', onFailure: 'goto:3' },
      { name: 'skipped', kind: 'cmdexec', command: 'echo never' },
      { name: 'recover', kind: 'cmdexec', command: 'echo recovered', onSuccess: 'quit-success' },
    ])
    await postJob(master, 'START', 'flow', ['RUN1'])
    const [run] = await waitForRuns(master, 'flow')
    expect(run?.steps.map((s) => [s.stepNumber, s.outcome, s.output.trim()])).toEqual([
      [1, 'Failed', 'about to fail'],
      [3, 'Succeeded', 'recovered'],
    ])
    expect(run?.steps[0]?.message).toBe('Executed as user: root. Process exit code 4. The step failed.')
    expect(run).toMatchObject({ outcome: 'Succeeded', targetName: 'RUN1' })
    expect(run?.message).toBe(
      'The job succeeded. The job was invoked by START from the master. The last step to run was step 3 (recover).',
    )
    expect(await jobServer(master, 'flow', 'RUN1')).toMatchObject({
      lastRunOutcome: 1,
      lastOutcomeMessage: run?.message,
    })
    expect(await historyRows(master, 'flow')).toHaveLength(3)
  })

  it('retries a failing step after its interval, recording each attempt', async () => {
    const counter = path.join(work, 'attempts')
    await jobOnRun1('flaky', [
      {
        name: 'third time lucky',
        kind: 'cmdexec',
        command: `n=$(cat ${counter} 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${counter}; echo attempt $n; [ $n -ge 3 ]`,
        retryAttempts: 3,
        retryIntervalSeconds: 1,
      },
    ])
    await postJob(master, 'START', 'flaky', ['RUN1'])
    const [run] = await waitForRuns(master, 'flaky')
    expect(run?.outcome).toBe('Succeeded')
    expect(run?.steps.map((s) => [s.outcome, s.retriesAttempted, s.output.trim()])).toEqual([
      ['Retry', 0, 'attempt 1'],
      ['Retry', 1, 'attempt 2'],
      ['Succeeded', 2, 'attempt 3'],
    ])
    expect(run?.steps[0]?.message).toContain('Retrying in 1 s (retry 1 of 3).')
    const starts = run?.steps.map((s) => new Date(s.startedAt).getTime()) ?? []
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(900)
  })

  it('a step that runs out of time fails, and its whole process tree is ended', async () => {
    const pidFile = path.join(work, 'background.pid')
    await jobOnRun1('slow', [
      {
        name: 'hang',
        kind: 'cmdexec',
        command: `sleep 120 & echo $! > ${pidFile}; echo waiting; wait`,
        timeoutSeconds: 2,
      },
    ])
    await postJob(master, 'START', 'slow', ['RUN1'])
    const [run] = await waitForRuns(master, 'slow')
    expect(run?.outcome).toBe('Failed')
    expect(run?.steps[0]?.message).toContain('timed out after 2 s')
    expect(run?.steps[0]?.output.trim()).toBe('waiting')
    const background = Number(fs.readFileSync(pidFile, 'utf8'))
    await eventually(
      async () => alive(background),
      (running) => !running,
    )
    expect((await jobServer(master, 'slow', 'RUN1'))?.lastRunOutcome).toBe(0)
  })

  it('keeps the last 64 KiB of a long output, saying what was dropped', async () => {
    await jobOnRun1('chatty', [
      { name: 'print', kind: 'cmdexec', command: "head -c 300000 /dev/zero | tr '\\0' a; echo; echo the end" },
    ])
    await postJob(master, 'START', 'chatty', ['RUN1'])
    const [run] = await waitForRuns(master, 'chatty')
    const output = run?.steps[0]?.output ?? ''
    expect(output).toMatch(
      /^\[output truncated: the first \d+ bytes were dropped, the last 64 KiB follow\]\na+\nthe end\n$/,
    )
    expect(output.length).toBeLessThan(64 * 1024 + 100)
  })
})

describe('START and STOP', () => {
  it('START runs the job now; STOP ends its step and the run is canceled', async () => {
    await jobOnRun1('long', [{ name: 'wait', kind: 'cmdexec', command: 'echo started; sleep 120' }])
    await postJob(master, 'START', 'long', ['RUN1'])
    await eventually(
      () => agentStatus(agentDir),
      (s) => s.running.some((r) => r.jobName === 'long' && r.stepNumber === 1),
    )
    await postJob(master, 'STOP', 'long', ['RUN1'])
    const [run] = await waitForRuns(master, 'long')
    expect(run?.outcome).toBe('Canceled')
    expect(run?.message).toContain('The job was canceled: stopped by STOP from the master.')
    expect(run?.steps.map((s) => [s.outcome, s.output.trim()])).toEqual([['Canceled', 'started']])
    expect((await jobServer(master, 'long', 'RUN1'))?.lastRunOutcome).toBe(3)
    expect((await agentStatus(agentDir)).running).toEqual([])
  })
})

describe('schedules', () => {
  it('fire by the master’s clock on a target whose own clock is wrong; disabled ones do not fire', async () => {
    const skewed = await runningAgent(master, 'CLOCK2', { MSX_AGENT_CLOCK_SKEW_MS: String(10 * 60_000) })
    await postOperation(adminOf(master), { operation: 'SYNC-TIME', recipients: { targets: ['CLOCK2'] } })
    await eventually(
      () => agentStatus(skewed.dataDir),
      (s) => Math.abs(s.clockOffsetMs + 10 * 60_000) < 5000,
    )
    const runAt = new Date(Date.now() + 4000)
    const offAt = new Date(runAt.getTime() + 1000)
    const step = { name: 'say', kind: 'cmdexec' as const, command: 'echo fired' }
    const apply = (name: string, schedules: Parameters<typeof createJob>[1]['schedules'], enabled = true) =>
      createJob(adminOf(master), {
        name,
        enabled,
        steps: [step],
        schedules,
        targets: { servers: ['CLOCK2'], groups: [] },
      })
    await apply('once', [
      { name: 'soon', runAt: runAt.toISOString() },
      { name: 'off', runAt: offAt.toISOString(), enabled: false },
    ])
    await apply('every-2s', [{ name: 'seconds', cron: '*/2 * * * * *' }])
    await apply('disabled-job', [{ name: 'soon', runAt: runAt.toISOString() }], false)
    await eventually(
      () => agentStatus(skewed.dataDir),
      (s) => s.jobs.length === 3,
    )
    const [once] = await waitForRuns(master, 'once')
    expect(once?.message).toContain('invoked by schedule soon')
    const onceStarted = new Date(once?.startedAt ?? 0).getTime()
    expect(onceStarted).toBeGreaterThanOrEqual(runAt.getTime() - 1000)
    expect(onceStarted).toBeLessThan(runAt.getTime() + 5000)
    // a recurring run that started after the disabled schedule's time shows that time has passed on the target
    const recurring = await eventually(
      () => waitForRuns(master, 'every-2s', 2),
      (runs) => runs.some((r) => new Date(r.startedAt).getTime() > offAt.getTime() + 1000),
    )
    expect(recurring.every((r) => r.outcome === 'Succeeded' && r.message.includes('schedule seconds'))).toBe(true)
    expect(await historyRows(master, 'once')).toHaveLength(2)
    expect(await historyRows(master, 'disabled-job')).toHaveLength(0)
  })
})
