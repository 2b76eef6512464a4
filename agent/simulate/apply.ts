// Carries out one downloaded instruction on a virtual target, in memory: jobs are kept, not run; the polling
// interval and clock offset change as on a real target. The rules come from lib/msx and the protocol.
import { isMsxError } from '../../lib/msx/errors'
import { parsePollInterval } from '../../lib/msx/operations'
import type { Instruction, JobPayload } from '../../lib/protocol/agent-v1'

export interface VirtualState {
  pollIntervalSeconds: number
  /** the master's clock minus this target's, from the last SYNC-TIME */
  clockOffsetMs: number
  jobs: Map<number, JobPayload>
}

export type Applied = { ok: true; next?: 'defect' | 'reenlist' | { run: JobPayload } } | { ok: false; error: string }

export function applyInMemory(state: VirtualState, instruction: Instruction, now = Date.now()): Applied {
  switch (instruction.operation) {
    case 'INSERT':
    case 'UPDATE':
      if (!instruction.job)
        return {
          ok: false,
          error: `The job of ${instruction.operation} ${instruction.objectName} no longer exists on the master.`,
        }
      state.jobs.set(instruction.job.id, instruction.job)
      return { ok: true }
    case 'DELETE':
      if (instruction.objectId === null) state.jobs.clear()
      else state.jobs.delete(instruction.objectId)
      return { ok: true }
    case 'START': {
      const job = instruction.objectId === null ? undefined : state.jobs.get(instruction.objectId)
      if (!job)
        return {
          ok: false,
          error: `Job ${instruction.objectName} is not on this target: re-synchronize the target to download its jobs again.`,
        }
      return { ok: true, next: { run: job } }
    }
    case 'STOP':
      // a virtual target's steps finish at once: there is never a run left to stop
      return { ok: true }
    case 'SET-POLL':
      try {
        state.pollIntervalSeconds = parsePollInterval(instruction.value ?? '')
        return { ok: true }
      } catch (error) {
        if (isMsxError(error)) return { ok: false, error: error.message }
        throw error
      }
    case 'SYNC-TIME':
      if (!instruction.masterTime) return { ok: false, error: 'SYNC-TIME arrived without the master time.' }
      state.clockOffsetMs = new Date(instruction.masterTime).getTime() - now
      return { ok: true }
    case 'RE-ENLIST':
      return { ok: true, next: 'reenlist' }
    case 'DEFECT':
      return { ok: true, next: 'defect' }
  }
}
