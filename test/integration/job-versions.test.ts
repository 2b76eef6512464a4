// Job versions with a real master and a real agent, through the msx CLI: every apply kept with who saved it,
// version 1 exported and applied back, two versions compared, the version the agent holds once it downloads an
// UPDATE.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobServer, runningAgent } from '../support/job-runs'
import { agentStatus, eventually, type Master, startMaster, stopAll, tempDir } from '../support/processes'

let master: Master
let agentDir: string
let work: string

beforeAll(async () => {
  master = await startMaster()
  agentDir = (await runningAgent(master, 'VER1')).dataDir
  work = tempDir('msx-versions-work-')
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

const jobFile = (command: string, steps: object[] = []) => ({
  name: 'rotate-logs',
  description: 'Rotates the logs',
  steps: [{ name: 'rotate', kind: 'cmdexec', command }, ...steps],
  targets: { servers: ['VER1'], groups: [] },
})

function write(name: string, content: object) {
  const file = path.join(work, name)
  fs.writeFileSync(file, JSON.stringify(content, null, 2))
  return file
}

const held = async () => (await jobServer(master, 'rotate-logs', 'VER1'))?.heldVersion ?? null

describe('job versions through msx', () => {
  it('keeps each apply, exports version 1 to apply it back, compares versions, and the agent holds the latest', async () => {
    await master.msxOk('job', 'apply', '--file', write('v1.json', jobFile('echo one')))
    await eventually(held, (v) => v === 1)
    const applied = await master.msxOk('job', 'apply', '--file', write('v2.json', jobFile('echo two')))
    expect(applied.stdout).toBe('Updated job rotate-logs (version 2).\nPosted UPDATE to 1 target server: VER1.\n')
    // the agent downloads the UPDATE and acknowledges it: the master records that it holds version 2
    await eventually(held, (v) => v === 2)
    await eventually(
      () => agentStatus(agentDir),
      (s) => s.jobs.some((j) => j.name === 'rotate-logs'),
    )
    const targets = JSON.parse((await master.msxOk('job', 'targets', 'rotate-logs', '--json')).stdout)
    expect(targets).toEqual([{ target: 'VER1', heldVersion: 2, current: true, pending: null, error: null }])

    const versions = JSON.parse((await master.msxOk('job', 'versions', 'rotate-logs', '--json')).stdout)
    expect(versions.map((v: { version: number; savedBy: string }) => [v.version, v.savedBy])).toEqual([
      [2, 'admin'],
      [1, 'admin'],
    ])
    expect((await master.msxOk('job', 'versions', 'rotate-logs')).stdout).toMatch(/^Version +Saved by +Saved at\n/)

    const diff = await master.msxOk('job', 'diff', 'rotate-logs', '1', '2')
    expect(diff.stdout).toContain('--- rotate-logs version 1\n+++ rotate-logs version 2\n@@ ')
    expect(diff.stdout).toContain('-      "command": "echo one",\n+      "command": "echo two",\n')

    const exported = path.join(work, 'exported-v1.yaml')
    const wrote = await master.msxOk('job', 'export', 'rotate-logs', '--version', '1', '--output', exported)
    expect(wrote.stdout).toBe(`Wrote version 1 of job rotate-logs to ${exported}.\n`)
    const back = await master.msxOk('job', 'apply', '--file', exported)
    expect(back.stdout).toBe('Updated job rotate-logs (version 3).\nPosted UPDATE to 1 target server: VER1.\n')
    const v1 = (await master.msxOk('job', 'export', 'rotate-logs', '--version', '1')).stdout
    const v3 = (await master.msxOk('job', 'export', 'rotate-logs', '--version', '3')).stdout
    expect(v3).toBe(v1)
    expect(JSON.parse(v1)).toMatchObject({ name: 'rotate-logs', steps: [{ command: 'echo one' }] })
    expect((await master.msxOk('job', 'diff', 'rotate-logs', '1', '3')).stdout).toBe(
      'Versions 1 and 3 of job rotate-logs are the same.\n',
    )
    await eventually(held, (v) => v === 3)

    const missing = await master.msx('job', 'export', 'rotate-logs', '--version', '9')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Job rotate-logs has no version 9 (its kept versions are 1, 2, 3;')
  })
})
