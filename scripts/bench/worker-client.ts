// Starts the load-generating process and calls it: one request, one answer, each bounded in time.
import { type ChildProcess, fork } from 'node:child_process'
import path from 'node:path'
import type { WorkerCommand, WorkerReply } from './worker-protocol'

export class LoadWorker {
  private readonly child: ChildProcess
  private next = 1
  private readonly waiting = new Map<number, (reply: WorkerReply) => void>()

  constructor() {
    this.child = fork(path.join(import.meta.dirname, 'load-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.child.on('message', (reply: WorkerReply) => this.waiting.get(reply.id)?.(reply))
    this.child.once('exit', (code) => {
      for (const done of this.waiting.values()) done({ id: 0, ok: false, error: `the load process ended (${code})` })
    })
  }

  get pid() {
    return this.child.pid ?? 0
  }

  call<T>(command: WorkerCommand, timeoutMs = 180_000): Promise<T> {
    const id = this.next++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(new Error(`the load process did not answer ${command.kind} within ${timeoutMs / 1000} s`))
      }, timeoutMs)
      this.waiting.set(id, (reply) => {
        clearTimeout(timer)
        this.waiting.delete(id)
        if (reply.ok) resolve(reply.result as T)
        else reject(new Error(`${command.kind}: ${reply.error}`))
      })
      this.child.send({ id, command })
    })
  }

  stop() {
    if (this.child.connected) this.child.disconnect()
    if (this.child.exitCode === null) this.child.kill('SIGTERM')
  }
}
