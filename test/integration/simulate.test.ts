// msx-agent simulate against a real master: virtual targets enlist over TLS with a token, long-poll, carry out
// what is posted to them, upload outcomes of the jobs they run, and keep their identities for the next run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJob } from '../../lib/msx/jobs'
import { listTargets } from '../../lib/msx/target-list'
import {
  agentProcess,
  eventually,
  type Master,
  type Running,
  startMaster,
  stopAll,
  tempDir,
} from '../support/processes'

const COUNT = 20
let master: Master
let dataDir: string
let token: string

beforeAll(async () => {
  master = await startMaster()
  dataDir = tempDir('msx-simulate-')
  token = JSON.parse((await master.msx('token', 'create', '--json')).stdout).token
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

const simulate = (...extra: string[]) =>
  agentProcess(dataDir, [
    'simulate',
    '--master',
    master.url,
    '--count',
    String(COUNT),
    '--prefix',
    'VT',
    '--report-every',
    '1',
    ...extra,
  ])

async function virtualTargets() {
  return (await listTargets(master.db, { search: 'VT-', pageSize: 100 })).rows
}

describe('msx-agent simulate', () => {
  let run: Running

  it(`enlists ${COUNT} virtual targets that the master lists as Normal`, async () => {
    run = simulate('--token', token, '--ca-fingerprint', master.caFingerprint)
    const rows = await eventually(
      virtualTargets,
      (r) => r.length === COUNT && r.every((t) => t.status === 'Normal' && t.lastPolled !== null),
    )
    expect(rows.map((t) => t.name).sort()).toEqual(
      Array.from({ length: COUNT }, (_, i) => `VT-${String(i + 1).padStart(2, '0')}`),
    )
    await run.waitFor(new RegExp(`enlisted ${COUNT}/${COUNT} · polling ${COUNT}`))
  })

  it('a SET-POLL posted to all reaches every virtual target', async () => {
    expect((await master.msx('post', 'SET-POLL', '--value', '45', '--all')).code).toBe(0)
    const rows = await eventually(virtualTargets, (r) =>
      r.every((t) => t.pollIntervalSeconds === 45 && t.unreadInstructions === 0),
    )
    expect(rows).toHaveLength(COUNT)
    const downloaded = await master.db.downloadInstruction.count({
      where: { operation: 'SET-POLL', value: '45', status: 1 },
    })
    expect(downloaded).toBe(COUNT)
  })

  it('a job started on all of them runs as no-ops whose outcomes reach the master once each', async () => {
    const names = (await virtualTargets()).map((t) => t.name)
    await createJob(
      { db: master.db, actor: { name: 'integration', address: 'test' } },
      {
        name: 'simulated-job',
        steps: [
          { name: 'one', kind: 'cmdexec', command: 'echo one' },
          { name: 'two', kind: 'cmdexec', command: 'echo two' },
        ],
        targets: { servers: names, groups: [] },
      },
    )
    await eventually(
      () =>
        master.db.downloadInstruction.count({ where: { operation: 'INSERT', objectName: 'simulated-job', status: 1 } }),
      (n) => n === COUNT,
    )
    expect((await master.msx('post', 'START', '--job', 'simulated-job', '--all')).code).toBe(0)
    // two steps and the job's own outcome, per target
    await eventually(
      () => master.db.jobHistory.count({ where: { jobName: 'simulated-job', runStatus: 1 } }),
      (n) => n === COUNT * 3,
    )
    const outcomes = await master.db.jobServer.findMany({ where: { job: { name: 'simulated-job' } } })
    expect(outcomes.map((o) => o.lastRunOutcome)).toEqual(Array(COUNT).fill(1))
  })

  it('stops cleanly on SIGTERM, and a second run polls with the same identities without a token', async () => {
    const stopped = await run.stop('SIGTERM')
    expect(stopped.code).toBe(0)
    expect(stopped.stdout).toContain('stopped; identities kept for the next run')
    const before = await master.db.auditEvent.count({ where: { action: 'target.enlist' } })
    const since = new Date()
    run = simulate()
    await eventually(virtualTargets, (r) => r.every((t) => t.lastPolled !== null && new Date(t.lastPolled) >= since))
    expect(await master.db.auditEvent.count({ where: { action: 'target.enlist' } })).toBe(before)
    expect(await virtualTargets()).toHaveLength(COUNT)
    expect((await run.stop('SIGINT')).code).toBe(0)
  })
})
