// The jobs running on this target: at most one run of a job at a time (as SQL Server Agent refuses to start a
// running job), each stoppable by STOP, all stopped with their outcome recorded when the agent stops.
import { randomUUID } from 'node:crypto'
import type { Log } from '../../lib/log'
import type { Spool } from '../spool'
import type { AgentStore } from '../store'
import { runJob } from './job-run'
import type { Clock } from './master-clock'

interface ActiveRun {
  runId: string
  jobName: string
  controller: AbortController
  done: Promise<void>
}

export type StartResult = 'started' | 'already running' | 'not held'

export class JobRunner {
  private readonly active = new Map<number, ActiveRun>()

  constructor(private readonly deps: { store: AgentStore; spool: Spool; log: Log; now: Clock }) {}

  /** Starts a run of a job this target holds (from step 1, or `startStep`), unless one is running already. */
  start(jobId: number, invokedBy: string, startStep = 1): StartResult {
    if (this.active.has(jobId)) return 'already running'
    const stored = this.deps.store.job(jobId)
    if (!stored) return 'not held'
    const job = stored.definition
    const runId = randomUUID()
    const controller = new AbortController()
    this.deps.log.info(`job ${job.name} started (invoked by ${invokedBy})`)
    const done = runJob({ job, runId, invokedBy, startStep, signal: controller.signal }, this.deps).then(
      (status) => this.deps.log.info(`job ${job.name} ended: ${['failed', 'succeeded', 'retry', 'canceled'][status]}`),
      (error: unknown) => this.deps.log.error({ err: error }, `job ${job.name} could not be run to its end`),
    )
    const run = { runId, jobName: job.name, controller, done: done.finally(() => this.active.delete(jobId)) }
    this.active.set(jobId, run)
    return 'started'
  }

  /** Stops a running job: its current step's processes are ended and the run is recorded as canceled. */
  stop(jobId: number, reason: string): boolean {
    const run = this.active.get(jobId)
    if (!run) return false
    run.controller.abort(reason)
    return true
  }

  /** Stops every running job and waits until each has recorded its outcome. */
  async stopAll(reason: string) {
    const runs = [...this.active.values()]
    for (const run of runs) run.controller.abort(reason)
    await Promise.all(runs.map((run) => run.done))
  }

  running(): { jobId: number; jobName: string; runId: string }[] {
    return [...this.active.entries()].map(([jobId, run]) => ({ jobId, jobName: run.jobName, runId: run.runId }))
  }
}
