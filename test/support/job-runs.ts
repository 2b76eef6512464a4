// Jobs on real agents, for integration tests: a running agent, posting START and STOP, and waiting for the runs
// the master has received. State is read in-process from the master's database.
import fs from 'node:fs'
import type { MsxContext } from '../../lib/msx/context'
import { type JobRun, listJobHistory } from '../../lib/msx/job-history'
import { postOperation } from '../../lib/msx/post-operation'
import { agentProcess, enlistAgent, eventually, type Master, targetRow } from './processes'

type Env = Record<string, string>

export const adminOf = (master: Master): MsxContext => ({
  db: master.db,
  actor: { name: 'integration', address: 'test' },
})

/** Enlists an agent and runs it until it has polled once. */
export async function runningAgent(master: Master, name: string, env: Env = {}) {
  const dataDir = await enlistAgent(master, name, env)
  const run = agentProcess(dataDir, ['run'], env)
  await run.waitFor(/polling master/)
  await eventually(
    () => targetRow(master, name),
    (t) => t?.lastPolled != null,
  )
  return { dataDir, run }
}

export function postJob(master: Master, operation: 'START' | 'STOP', job: string, targets: string[]) {
  return postOperation(adminOf(master), { operation, job, recipients: { targets } })
}

/** The job's runs the master has received (newest first), once there are at least `count`. */
export async function waitForRuns(master: Master, job: string, count = 1, timeoutMs = 30_000): Promise<JobRun[]> {
  return eventually(
    async () => {
      const received = await master.db.jobHistory.count({ where: { jobName: job, stepNumber: 0 } })
      return received === 0 ? [] : listJobHistory(master.db, { job })
    },
    (runs) => runs.length >= count,
    timeoutMs,
  )
}

/** Every history row of a job, in the order the master stored them. */
export function historyRows(master: Master, job: string) {
  return master.db.jobHistory.findMany({ where: { jobName: job }, orderBy: { id: 'asc' } })
}

export async function jobServer(master: Master, job: string, target: string) {
  return master.db.jobServer.findFirst({ where: { job: { name: job }, target: { name: target } } })
}

/** Whether a process is still running (a zombie waiting for its reaper is not). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return false
  }
}
