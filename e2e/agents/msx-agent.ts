// The real msx-agent command (bin/msx-agent.mjs, as installed) started against the e2e master, each agent in its
// own data folder. Output is kept by Running (shared with the integration tests) so a test can wait for a line.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Db } from '../../lib/db/client'
import { type Output, Running } from '../../test/support/processes'
import { E2E_GATEWAY_PORT } from '../env'

export { eventually, type Output, Running } from '../../test/support/processes'

const root = path.resolve(import.meta.dirname, '..', '..')
const bin = path.join(root, 'bin', 'msx-agent.mjs')

/** The agent gateway of the e2e master, as `msx-agent enlist --master` takes it. */
export const GATEWAY_URL = `https://127.0.0.1:${E2E_GATEWAY_PORT}`

/** The fingerprint agents pin the master's CA by, as `msx ca-fingerprint` prints it. */
export async function caFingerprint(db: Db): Promise<string> {
  const master = await db.masterServer.findUnique({ where: { id: 1 } })
  if (!master?.caFingerprint) throw new Error('The e2e master has no CA fingerprint yet: is its gateway running?')
  return master.caFingerprint
}

export function agentDataDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `msx-e2e-agent-${name}-`))
}

/** `msx-agent ARGS --data-dir DIR`, left running; the folder is also given as MSX_AGENT_DATA_DIR, as a service would. */
export function msxAgent(dataDir: string, args: string[], extraEnv: Record<string, string> = {}): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, MSX_AGENT_DATA_DIR: dataDir, ...extraEnv }
  // Playwright sets it for its own output; the agent's lines are read as plain text
  delete env.FORCE_COLOR
  const child = spawn(process.execPath, [bin, ...args, '--data-dir', dataDir], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Running(child)
}

/** `msx-agent ARGS` run to its end; fails with its output unless it exits 0. */
export async function msxAgentOk(dataDir: string, args: string[]): Promise<Output> {
  const done = await msxAgent(dataDir, args).exited
  if (done.code !== 0) throw new Error(`msx-agent ${args.join(' ')} exited ${done.code}:\n${done.stdout}${done.stderr}`)
  return done
}

/** Stops a process (SIGTERM, then SIGKILL if it lingers) and resolves with its output. */
export async function stopProcess(process: Running, graceMs = 10_000): Promise<Output> {
  const kill = setTimeout(() => process.child.kill('SIGKILL'), graceMs)
  try {
    return await process.stop('SIGTERM')
  } finally {
    clearTimeout(kill)
  }
}
