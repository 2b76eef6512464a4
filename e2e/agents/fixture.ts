// `agents`: real msx-agent processes for one test, against the e2e master. Every process a test starts is stopped
// when it ends, and its data folder removed; a failed test gets each process's output attached.
import fs from 'node:fs'
import { readStatus } from '../../agent/status'
import { createEnlistmentToken } from '../../lib/msx/enlistment-tokens'
import { test as base } from '../fixtures'
import {
  agentDataDir,
  caFingerprint,
  GATEWAY_URL,
  msxAgent,
  msxAgentOk,
  type Output,
  type Running,
  stopProcess,
} from './msx-agent'

export interface RealAgent {
  name: string
  dataDir: string
  /** `msx-agent run`, polling */
  run: Running
}

export interface Agents {
  /** `msx-agent enlist` without a token: resolves once the request awaits approval, the process still waiting */
  askToEnlist(name: string): Promise<{ dataDir: string; waiting: Running }>
  /** `msx-agent enlist --token`: enlisted at once; resolves with its data folder */
  enlist(name: string): Promise<string>
  /** `msx-agent run` on an enlisted agent's folder; resolves once it polls */
  run(name: string, dataDir: string): Promise<RealAgent>
  /** enlisted with a token and running */
  running(name: string): Promise<RealAgent>
  /** an `npx msx-agent …` command as the dashboard shows it, run to its end in a new folder (its own words only) */
  shown(command: string): Promise<Output>
  /** `msx-agent ARGS` on this folder, run to its end (it must succeed) */
  command(dataDir: string, ...args: string[]): Promise<string>
  /** the agent's own state, as `msx-agent status --json` shows it */
  status(dataDir: string): ReturnType<typeof readStatus>
  /** `msx-agent simulate --count N --prefix PREFIX` with a token for all of them, left running */
  simulate(count: number, prefix: string, ...extra: string[]): Promise<Running>
}

export const test = base.extend<{ agents: Agents }>({
  agents: async ({ msx }, use, testInfo) => {
    const started: { label: string; process: Running }[] = []
    const folders: string[] = []
    const fingerprint = await caFingerprint(msx.db)
    const token = async (uses: number) =>
      (await createEnlistmentToken(msx, { uses, expiresInSeconds: 3600, label: testInfo.title.slice(0, 100) })).secret
    const folder = (name: string) => {
      const dir = agentDataDir(name)
      folders.push(dir)
      return dir
    }
    const start = (label: string, dataDir: string, args: string[]) => {
      const process = msxAgent(dataDir, args)
      started.push({ label, process })
      return process
    }
    const enlistArgs = (name: string) => ['enlist', '--master', GATEWAY_URL, '--name', name]
    const agents: Agents = {
      async askToEnlist(name) {
        const dataDir = folder(name)
        const waiting = start(`${name} enlist`, dataDir, [...enlistArgs(name), '--ca-fingerprint', fingerprint])
        await waiting.waitFor(/awaits approval on the master/)
        return { dataDir, waiting }
      },
      async enlist(name) {
        const dataDir = folder(name)
        await msxAgentOk(dataDir, [...enlistArgs(name), '--token', await token(1), '--ca-fingerprint', fingerprint])
        return dataDir
      },
      async run(name, dataDir) {
        const run = start(`${name} run`, dataDir, ['run'])
        await run.waitFor(/polling master/)
        return { name, dataDir, run }
      },
      async running(name) {
        return agents.run(name, await agents.enlist(name))
      },
      shown(command) {
        const words = command.replaceAll('\\\n', ' ').trim().split(/\s+/)
        if (words[0] !== 'npx' || words[1] !== 'msx-agent') throw new Error(`not an msx-agent command: ${command}`)
        return start(`shown ${words[2]}`, folder('shown'), words.slice(2)).exited
      },
      async command(dataDir, ...args) {
        return (await msxAgentOk(dataDir, args)).stdout
      },
      status: (dataDir) => readStatus(dataDir),
      async simulate(count, prefix, ...extra) {
        const dataDir = folder(prefix)
        const args = ['simulate', '--master', GATEWAY_URL, '--count', String(count), '--prefix', prefix]
        return start(`simulate ${prefix}`, dataDir, [
          ...args,
          ...['--token', await token(count), '--ca-fingerprint', fingerprint, '--report-every', '2', ...extra],
        ])
      },
    }
    await use(agents)
    const outputs = await Promise.all(started.map(({ process }) => stopProcess(process)))
    if (testInfo.status !== testInfo.expectedStatus)
      for (const [i, output] of outputs.entries())
        await testInfo.attach(`msx-agent ${started[i]?.label}`, {
          body: `exit ${output.code}\n${output.stdout}${output.stderr}`,
        })
    for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true })
  },
})

export { expect } from '../fixtures'
