// Runs one step attempt's process: in its own process group, optionally as another OS account, with its output
// kept, ended (the whole group) when it runs out of time or the run is canceled.
import { spawn } from 'node:child_process'
import type { StepProcess } from '../spool'
import { OutputTail } from './output-tail'
import { processStart, signalGroup } from './process-group'

export interface ProcessSpec {
  file: string
  args: string[]
  /** written to the process's standard input (secrets go here, never on the command line) */
  input?: string
  env: NodeJS.ProcessEnv
  cwd: string
  uid?: number
  gid?: number
}

export interface ProcessLimits {
  timeoutSeconds: number | null
  /** aborted by STOP or by the agent stopping */
  signal: AbortSignal
  /** told the process group as soon as it exists, so that a crash of the agent can end it later */
  onStart(process: StepProcess): void
}

export type ProcessResult =
  | { ended: 'exited'; exitCode: number | null; signal: NodeJS.Signals | null; output: string }
  | { ended: 'timed out' | 'canceled'; output: string }
  | { ended: 'not started'; error: string; output: string }

/** How long a process group gets to end after SIGTERM before it is killed. */
const GRACE_MS = 3000
/** Output pipes can stay open after the process exits (a background child holds them): wait this long at most. */
const PIPE_DRAIN_MS = 500

export function runProcess(spec: ProcessSpec, limits: ProcessLimits): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const output = new OutputTail()
    let stopping: 'timed out' | 'canceled' | null = null
    let killTimer: NodeJS.Timeout | undefined
    const child = spawn(spec.file, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      uid: spec.uid,
      gid: spec.gid,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const stop = (why: 'timed out' | 'canceled') => {
      if (stopping || child.pid === undefined) return
      stopping = why
      signalGroup(child.pid, 'SIGTERM')
      killTimer = setTimeout(() => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL'), GRACE_MS)
    }
    const onAbort = () => stop('canceled')
    const timeout =
      limits.timeoutSeconds === null ? undefined : setTimeout(() => stop('timed out'), limits.timeoutSeconds * 1000)
    const finish = (result: ProcessResult) => {
      clearTimeout(timeout)
      clearTimeout(killTimer)
      limits.signal.removeEventListener('abort', onAbort)
      resolve(result)
    }
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
    child.stdin.on('error', () => {}) // a process that never reads its input is not a failure
    child.once('error', (error) => finish({ ended: 'not started', error: error.message, output: output.text() }))
    child.once('spawn', () => {
      if (child.pid !== undefined) limits.onStart({ pid: child.pid, start: processStart(child.pid) ?? '' })
      child.stdin.end(spec.input ?? '')
      if (limits.signal.aborted) onAbort()
      else limits.signal.addEventListener('abort', onAbort, { once: true })
    })
    child.once('exit', (exitCode, signal) => {
      // a grandchild may outlive the shell and keep the pipes open: it is ended with the group when stopping
      if (stopping && child.pid !== undefined) signalGroup(child.pid, 'SIGKILL')
      const drained = new Promise<void>((done) => {
        if (child.stdout.closed && child.stderr.closed) return done()
        child.once('close', () => done())
        setTimeout(done, PIPE_DRAIN_MS).unref()
      })
      void drained.then(() => {
        child.stdout.destroy()
        child.stderr.destroy()
        const text = output.text()
        finish(stopping ? { ended: stopping, output: text } : { ended: 'exited', exitCode, signal, output: text })
      })
    })
  })
}
