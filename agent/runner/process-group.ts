// A step's processes run in a process group of their own, so that a timeout, STOP or the agent stopping ends the
// whole tree (a shell and whatever it started), not only the shell.
import fs from 'node:fs'
import type { StepProcess } from '../spool'

/** Sends a signal to a whole process group; a group that has already ended is not an error. */
export function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}

/** When a process started, in clock ticks since boot (Linux): tells a process apart from a later one with its id. */
export function processStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // the command name (field 2) may hold spaces: count fields after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}

/**
 * Ends the process group of a step whose agent was killed: only when that process is still the one the step
 * started. Returns whether it was still running.
 */
export function killOrphanedStep(step: StepProcess): boolean {
  if (processStart(step.pid) !== step.start) return false
  signalGroup(step.pid, 'SIGKILL')
  return true
}
