// Carries out one downloaded instruction on this target. Jobs from the master are stored read-only; server
// operations change how the agent polls, its clock offset, or its enlistment.
import { type Instruction, reenlistRequest, reenlistResponse } from '../lib/protocol/agent-v1'
import { AGENT_VERSION, runAsAccount, systemNow, timeZoneOffsetMinutes } from './environment'
import type { MasterClient } from './master-client'
import type { AgentStore } from './store'

export type InstructionResult = { ok: true; defect?: boolean } | { ok: false; error: string }

export interface ApplyContext {
  store: AgentStore
  client: MasterClient
  log: { info(message: string): void }
}

export async function applyInstruction(instruction: Instruction, ctx: ApplyContext): Promise<InstructionResult> {
  const { store, log } = ctx
  switch (instruction.operation) {
    case 'INSERT':
    case 'UPDATE': {
      if (!instruction.job)
        return {
          ok: false,
          error: `The job of ${instruction.operation} ${instruction.objectName} no longer exists on the master.`,
        }
      store.saveJob(instruction.job)
      log.info(
        `${instruction.operation === 'INSERT' ? 'added' : 'updated'} job ${instruction.job.name} (version ${instruction.job.version})`,
      )
      return { ok: true }
    }
    case 'DELETE': {
      if (instruction.objectId === null) {
        log.info(`deleted all jobs (${store.deleteAllJobs()})`)
      } else {
        store.deleteJob(instruction.objectId)
        log.info(`deleted job ${instruction.objectName}`)
      }
      return { ok: true }
    }
    case 'START':
    case 'STOP':
      return {
        ok: false,
        error: `This agent (version ${AGENT_VERSION}) does not run jobs yet: ${instruction.operation} of ${instruction.objectName} was not carried out.`,
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
