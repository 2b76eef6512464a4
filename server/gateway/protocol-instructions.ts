// A target's pending download as the agent protocol's instructions: each INSERT and UPDATE carries its job.
import type { Db } from '../../lib/db/client'
import type { PendingDownload } from '../../lib/msx/download-list'
import { jobPayload } from '../../lib/msx/jobs'
import type { Instruction } from '../../lib/protocol/agent-v1'
import type { Clock } from './clock'

export type JobPayloads = Map<number, Awaited<ReturnType<typeof jobPayload>>>

/** `jobs` is shared by the targets of one batch, so a job posted to all of them is read once. */
export async function protocolInstructions(
  db: Db,
  rows: PendingDownload['instructions'],
  jobs: JobPayloads,
  clock: Clock,
): Promise<Instruction[]> {
  const instructions: Instruction[] = []
  for (const row of rows) {
    let job = null
    if ((row.operation === 'INSERT' || row.operation === 'UPDATE') && row.objectId !== null) {
      if (!jobs.has(row.objectId)) jobs.set(row.objectId, await jobPayload(db, row.objectId))
      job = jobs.get(row.objectId) ?? null
    }
    instructions.push({
      id: row.id,
      operation: row.operation as Instruction['operation'],
      objectType: row.objectType as Instruction['objectType'],
      objectId: row.objectId,
      objectName: row.objectName,
      value: row.value,
      job,
      masterTime: row.operation === 'SYNC-TIME' ? new Date(clock.now()).toISOString() : null,
    })
  }
  return instructions
}
