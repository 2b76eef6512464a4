// One attempt of one job step: CmdExec runs its command in a shell, SQL runs its statements against a connection
// configured on this target. A step naming a proxy runs as that proxy's OS account.
import fs from 'node:fs'
import { PROXY_NOT_FOUND } from '../../lib/msx/proxy-matching'
import { type JobPayload, RUN_STATUS } from '../../lib/protocol/agent-v1'
import { connectionUrlOf } from '../connections'
import { proxyAccount } from '../proxies'
import type { StepProcess } from '../spool'
import type { AgentStore } from '../store'
import type { Clock } from './master-clock'
import { currentAccountName, findOsAccount, type OsAccount } from './os-account'
import { type ProcessSpec, runProcess } from './run-process'
import { sqlChildSpec } from './sql-step'

export type JobStep = JobPayload['steps'][number]

export interface StepAttempt {
  runStatus: typeof RUN_STATUS.failed | typeof RUN_STATUS.succeeded | typeof RUN_STATUS.canceled
  message: string
  output: string
  startedAt: Date
  durationMs: number
}

export interface StepEnvironment {
  store: AgentStore
  /** aborted with the reason as a sentence: "stopped by STOP from the master" */
  signal: AbortSignal
  now: Clock
  onProcess(process: StepProcess): void
}

type RunAs = { account: OsAccount | null; name: string } | { error: string }

function runAs(step: JobStep, store: AgentStore): RunAs {
  if (!step.proxy) return { account: null, name: currentAccountName() }
  const accountName = proxyAccount(store, step.proxy)
  if (!accountName) return { error: PROXY_NOT_FOUND }
  const account = findOsAccount(accountName)
  if (!account)
    return { error: `The OS account "${accountName}" of proxy "${step.proxy}" does not exist on this machine.` }
  const uid = process.getuid?.()
  if (uid !== account.uid && uid !== 0)
    return {
      error: `Running as proxy "${step.proxy}" (OS account ${account.name}) needs the agent to run as root; it runs as ${currentAccountName()}.`,
    }
  return { account: uid === account.uid ? null : account, name: account.name }
}

function processSpec(step: JobStep, store: AgentStore, account: OsAccount | null): ProcessSpec | { error: string } {
  const env = account
    ? { ...process.env, HOME: account.home, USER: account.name, LOGNAME: account.name }
    : { ...process.env }
  const base = {
    env,
    cwd: account ? (fs.existsSync(account.home) ? account.home : '/') : process.cwd(),
    uid: account?.uid,
    gid: account?.gid,
  }
  if (step.kind === 'cmdexec') return { ...base, file: '/bin/sh', args: ['-c', step.command] }
  if (step.kind === 'sql') {
    const url = step.connection ? connectionUrlOf(store, step.connection) : undefined
    if (!url)
      return {
        error: `There is no connection named "${step.connection ?? ''}" on this target: add it with msx-agent connection add ${step.connection ?? 'NAME'} URL.`,
      }
    return { ...base, ...sqlChildSpec(url, step.command) }
  }
  return { error: `This agent does not know steps of kind "${step.kind}".` }
}

export async function executeStep(step: JobStep, env: StepEnvironment): Promise<StepAttempt> {
  const startedAt = env.now()
  const began = Date.now()
  const done = (runStatus: StepAttempt['runStatus'], message: string, output = ''): StepAttempt => ({
    runStatus,
    message,
    output,
    startedAt,
    durationMs: Date.now() - began,
  })
  const who = runAs(step, env.store)
  if ('error' in who) return done(RUN_STATUS.failed, who.error)
  const spec = processSpec(step, env.store, who.account)
  if ('error' in spec) return done(RUN_STATUS.failed, `The step failed: ${spec.error}`)
  const result = await runProcess(spec, {
    timeoutSeconds: step.timeoutSeconds,
    signal: env.signal,
    onStart: env.onProcess,
  })
  const executed = `Executed as user: ${who.name}.`
  switch (result.ended) {
    case 'not started':
      return done(RUN_STATUS.failed, `${executed} The step failed: its process could not start (${result.error}).`)
    case 'timed out':
      return done(
        RUN_STATUS.failed,
        `${executed} The step failed: timed out after ${step.timeoutSeconds} s (its processes were ended).`,
        result.output,
      )
    case 'canceled':
      return done(
        RUN_STATUS.canceled,
        `${executed} The step was canceled: ${String(env.signal.reason)}.`,
        result.output,
      )
    case 'exited': {
      if (result.exitCode === 0)
        return done(RUN_STATUS.succeeded, `${executed} Process exit code 0. The step succeeded.`, result.output)
      const how = result.signal ? `The process was ended by ${result.signal}.` : `Process exit code ${result.exitCode}.`
      const why = step.kind === 'sql' ? ` ${lastLine(result.output)}` : ''
      return done(RUN_STATUS.failed, `${executed} ${how} The step failed.${why}`, result.output)
    }
  }
}

function lastLine(text: string) {
  return (text.trim().split('\n').at(-1) ?? '').slice(0, 1000)
}
