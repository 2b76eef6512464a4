// Carries out one downloaded instruction on this target. Jobs from the master are stored read-only (a job whose
// proxies this target cannot match is refused); START and STOP run and stop them; server operations change how
// the agent polls, its clock offset, or its enlistment.
import { proxyMatchingError } from '../lib/msx/proxy-matching'
import { type Instruction, reenlistRequest, reenlistResponse } from '../lib/protocol/agent-v1'
import { AGENT_VERSION, runAsAccount, systemNow, timeZoneOffsetMinutes } from './environment'
import type { MasterClient } from './master-client'
import { proxySetup } from './proxies'
import type { StartResult } from './runner/job-runner'
import type { AgentStore } from './store'

export type InstructionResult = { ok: true; defect?: boolean } | { ok: false; error: string }

/** The jobs of this target as instructions drive them. */
export interface JobControl {
  /** from step 1, or from `startStep` (START at step N) */
  start(jobId: number, invokedBy: string, startStep?: number): StartResult
  /** ends the running job's current step; the run is recorded as canceled with the reason */
  stop(jobId: number, reason: string): boolean
  /** the held jobs or the clock offset changed: schedules are armed again */
  changed(): void
}

export interface ApplyContext {
  store: AgentStore
  client: MasterClient
  log: { info(message: string): void }
  jobs: JobControl
}

export async function applyInstruction(instruction: Instruction, ctx: ApplyContext): Promise<InstructionResult> {
  const { store, log, jobs } = ctx
  switch (instruction.operation) {
    case 'INSERT':
    case 'UPDATE': {
      if (!instruction.job)
        return {
          ok: false,
          error: `The job of ${instruction.operation} ${instruction.objectName} no longer exists on the master.`,
        }
      const proxyError = proxyMatchingError(instruction.job.steps, proxySetup(store))
      if (proxyError) return { ok: false, error: proxyError }
      store.saveJob(instruction.job)
      jobs.changed()
      log.info(
        `${instruction.operation === 'INSERT' ? 'added' : 'updated'} job ${instruction.job.name} (version ${instruction.job.version})`,
      )
      return { ok: true }
    }
    case 'DELETE': {
      const deleted = instruction.objectId === null ? store.jobs().map((j) => j.id) : [instruction.objectId]
      for (const id of deleted) jobs.stop(id, 'the job was deleted on the master')
      if (instruction.objectId === null) {
        log.info(`deleted all jobs (${store.deleteAllJobs()})`)
      } else {
        store.deleteJob(instruction.objectId)
        log.info(`deleted job ${instruction.objectName}`)
      }
      jobs.changed()
      return { ok: true }
    }
    case 'START': {
      // the step to start at (Start Job at Step); none, or a master before it: step 1
      const step = /^[1-9]\d*$/.test(instruction.value ?? '') ? Number(instruction.value) : 1
      const invokedBy = step > 1 ? `START from the master, at step ${step}` : 'START from the master'
      const started = instruction.objectId === null ? 'not held' : jobs.start(instruction.objectId, invokedBy, step)
      if (started === 'not held')
        return {
          ok: false,
          error: `Job ${instruction.objectName} is not on this target: re-synchronize the target to download its jobs again.`,
        }
      if (started === 'already running') log.info(`START of ${instruction.objectName}: the job is already running`)
      return { ok: true }
    }
    case 'STOP': {
      const stopping =
        instruction.objectId !== null && jobs.stop(instruction.objectId, 'stopped by STOP from the master')
      if (!stopping) log.info(`STOP of ${instruction.objectName}: the job is not running`)
      return { ok: true }
    }
    case 'SET-POLL': {
      const seconds = Number(instruction.value)
      if (!Number.isInteger(seconds) || seconds < 10 || seconds > 28_800)
        return {
          ok: false,
          error: `SET-POLL value "${instruction.value}" is not a polling interval of 10 to 28,800 seconds.`,
        }
      store.set({ pollIntervalSeconds: seconds })
      log.info(`polling interval set to ${seconds} s`)
      return { ok: true }
    }
    case 'SYNC-TIME': {
      if (!instruction.masterTime) return { ok: false, error: 'SYNC-TIME arrived without the master time.' }
      // never sets the system clock: the master's time becomes an offset for this agent's scheduler
      const offset = new Date(instruction.masterTime).getTime() - systemNow().getTime()
      store.set({ clockOffsetMs: offset })
      jobs.changed()
      log.info(`clock synchronized with the master: offset ${offset} ms (the system clock is left as it is)`)
      return { ok: true }
    }
    case 'RE-ENLIST': {
      const info = reenlistRequest.parse({
        location: store.get('location') ?? '',
        timeZoneOffsetMinutes: timeZoneOffsetMinutes(),
        agentVersion: AGENT_VERSION,
        runAsAccount: runAsAccount(),
        pollIntervalSeconds: Number(store.get('pollIntervalSeconds') ?? 60),
      })
      await ctx.client.post('/reenlist', info, reenlistResponse)
      log.info('sent enlistment information again (RE-ENLIST)')
      return { ok: true }
    }
    case 'DEFECT':
      return { ok: true, defect: true }
  }
}
