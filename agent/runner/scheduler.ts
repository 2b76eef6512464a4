// Runs the held jobs' schedules on this target: one-time (runAt) and recurring (cron, in the target's time zone),
// by the master's clock: the system clock plus the offset adopted at the last SYNC-TIME. A disabled job or
// schedule does not fire, nor a recurring one outside its startsAt..endsAt, nor any while the job's schedules are
// paused (the first run at or after the pause's end fires); a schedule firing while its job still runs is skipped,
// as SQL Server Agent does.

import type { Log } from '../../lib/log'
import { nextScheduleRun, type ScheduleTimes } from '../../lib/msx/schedule-times'
import type { AgentStore } from '../store'
import type { JobRunner } from './job-runner'
import type { Clock } from './master-clock'

type Timed = ScheduleTimes & { pausedUntil?: string | null }

/** Timers longer than this are re-armed on the way (setTimeout's limit is ~24.8 days; clocks get re-synced). */
const MAX_TIMER_MS = 60 * 60_000

export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(private readonly deps: { store: AgentStore; runner: JobRunner; log: Log; now: Clock }) {}

  private masterNow(): number {
    return this.deps.now().getTime()
  }

  /** Arms every enabled schedule again: call when jobs or the clock offset changed. */
  refresh() {
    this.stop()
    for (const { id, definition: job } of this.deps.store.jobs()) {
      if (!job.enabled) continue
      for (const schedule of job.schedules) {
        if (!schedule.enabled) continue
        const fire = () => this.fire(id, job.name, schedule.name)
        const times = { ...schedule, pausedUntil: job.pausedUntil }
        if (schedule.runAt) this.armAt(times, fire)
        else if (schedule.cron) this.armCron(times, fire, `${job.name}/${schedule.name}`)
      }
    }
  }

  stop() {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private after(ms: number, then: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      then()
    }, ms)
    this.timers.add(timer)
  }

  private fire(jobId: number, jobName: string, scheduleName: string) {
    const started = this.deps.runner.start(jobId, `schedule ${scheduleName}`)
    if (started === 'already running')
      this.deps.log.warn(`schedule ${scheduleName} of job ${jobName} skipped: the job is still running`)
  }

  /** Fires once at a time on the master's clock, if that time is still ahead and not paused. */
  private armAt(schedule: Timed, fire: () => void) {
    const at = new Date(schedule.runAt ?? 0).getTime()
    const wait = at - this.masterNow()
    if (wait < 0 || !nextScheduleRun(schedule, new Date(at - 1), schedule.pausedUntil)) return
    if (wait > MAX_TIMER_MS) this.after(MAX_TIMER_MS, () => this.armAt(schedule, fire))
    else this.after(wait, fire)
  }

  private armCron(schedule: Timed, fire: () => void, what: string, after?: number) {
    let next: Date | null
    try {
      next = nextScheduleRun(schedule, new Date(Math.max(this.masterNow(), after ?? 0)), schedule.pausedUntil)
    } catch (error) {
      this.deps.log.error(`schedule ${what} has a cron expression this agent cannot read: ${(error as Error).message}`)
      return
    }
    if (!next) return
    const at = next.getTime()
    const wait = at - this.masterNow()
    if (wait > MAX_TIMER_MS) return this.after(MAX_TIMER_MS, () => this.armCron(schedule, fire, what))
    this.after(Math.max(0, wait), () => {
      fire()
      // from the time it was due, so that a timer firing a little early never fires the same time twice
      this.armCron(schedule, fire, what, at)
    })
  }
}
