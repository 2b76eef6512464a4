// The master process refuses, in one line and before touching the database, what an operator must fix;
// it stops cleanly on Ctrl-C and starts again on the same data with everything kept.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import { enlistAgent, startMaster as startRunningMaster, stopAll } from '../support/processes'

const root = path.resolve(import.meta.dirname, '..', '..')
let dataDir: string

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-master-'))
})
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true })
})

function startMaster(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', MSX_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
}

function stderrLines(result: ReturnType<typeof startMaster>) {
  return result.stderr.trim().split('\n')
}

test('an invalid configuration is refused in one line', () => {
  const result = startMaster({ MSX_PORT: '70000' })
  expect(result.status).toBe(1)
  expect(stderrLines(result)).toHaveLength(1)
  expect(result.stderr).toContain('MSX_PORT must be between 1 and 65535')
  expect(fs.existsSync(path.join(dataDir, 'msx.db'))).toBe(false)
})

test('a port in use is refused in one line, before the database is touched', async () => {
  const blocker = net.createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const { port } = blocker.address() as net.AddressInfo
  try {
    const result = startMaster({ MSX_HOST: '127.0.0.1', MSX_PORT: String(port) })
    expect(result.status).toBe(1)
    expect(stderrLines(result)).toEqual([expect.stringContaining(`port ${port} on 127.0.0.1 is already in use`)])
    expect(fs.existsSync(path.join(dataDir, 'msx.db'))).toBe(false)
  } finally {
    blocker.close()
  }
})

test('an unsupported DATABASE_URL is refused in one line', () => {
  const result = startMaster({ DATABASE_URL: 'mysql://root@localhost/msx', MSX_PORT: '1' })
  expect(result.status).toBe(1)
  expect(stderrLines(result)).toEqual([
    expect.stringContaining('DATABASE_URL "mysql://root@localhost/msx" is not supported'),
  ])
})

describe('a running master', () => {
  afterAll(stopAll)

  test('stops cleanly on Ctrl-C, and a second start on the same data keeps its targets and its CA', async () => {
    const master = await startRunningMaster()
    await enlistAgent(master, 'KEPT1')
    await master.db.$disconnect()

    const stopped = await master.process.stop('SIGINT')
    expect(stopped.code).toBe(0)
    expect(stopped.stdout + stopped.stderr).toMatch(/SIGINT: shutting down[\s\S]*stopped/)
    const file = new Database(path.join(master.dataDir, 'msx.db'), { readonly: true })
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      file.close()
    }

    await master.restart()
    const [, fingerprint] = await master.process.waitFor(/certificate authority fingerprint: (sha256:[0-9a-f]{64})/)
    expect(fingerprint).toBe(master.caFingerprint)
    const listed = await master.msxOk('targets', '--json')
    expect(JSON.parse(listed.stdout).map((row: { name: string }) => row.name)).toEqual(['KEPT1'])
    await master.db.$disconnect()
  })
})
