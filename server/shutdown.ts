// Ctrl-C / SIGTERM: run the registered steps (newest first: listeners, then the database) and exit 0.
// A second signal exits at once, for the operator who does not want to wait.
import os from 'node:os'
import type { Log } from '../lib/log'

type Step = { name: string; run: () => Promise<unknown> }

/** A step that has not closed by then is left behind, named in the log, so one stuck part cannot hold the exit. */
const STEP_LIMIT_MS = 10_000

function withinLimit(step: Step): Promise<'closed' | 'timed out'> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), STEP_LIMIT_MS)
  })
  return Promise.race([step.run().then(() => 'closed' as const), limit]).finally(() => clearTimeout(timer))
}

export class Shutdown {
  private readonly steps: Step[] = []
  private readonly critical = new Set<Promise<unknown>>()
  private stopping = false

  constructor(private readonly log: Log) {}

  /** Handles SIGINT and SIGTERM from now on. */
  listen() {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => this.onSignal(signal))
  }

  /** Something to close at shutdown; closed before everything added earlier. */
  add(name: string, run: () => Promise<unknown>) {
    this.steps.unshift({ name, run })
  }

  /** Something to close after everything else, whenever it was added (the database). */
  addLast(name: string, run: () => Promise<unknown>) {
    this.steps.push({ name, run })
  }

  /** Work a shutdown must wait for rather than cut short (a migration). */
  async protect<T>(work: Promise<T>): Promise<T> {
    this.critical.add(work)
    try {
      return await work
    } finally {
      this.critical.delete(work)
    }
  }

  /** Closes everything and exits with `code`. */
  async exit(code: number): Promise<never> {
    this.stopping = true
    await Promise.allSettled([...this.critical])
    for (const step of this.steps.splice(0)) {
      try {
        if ((await withinLimit(step)) === 'closed') this.log.debug(`closed ${step.name}`)
        else {
          this.log.error(`${step.name} did not close within ${STEP_LIMIT_MS / 1000} s: exiting without waiting for it`)
          code = code || 1
        }
      } catch (err) {
        this.log.error({ err }, `could not close ${step.name}`)
        code = code || 1
      }
    }
    if (code === 0) this.log.info('stopped')
    process.exit(code)
  }

  private onSignal(signal: NodeJS.Signals) {
    if (this.stopping) {
      this.log.warn(`${signal} again: exiting without waiting`)
      process.exit(128 + os.constants.signals[signal])
    }
    this.log.info(`${signal}: shutting down`)
    void this.exit(0)
  }
}
