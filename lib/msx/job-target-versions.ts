// Per target of a job: the definition version it holds, the INSERT or UPDATE still waiting to be downloaded, or
// the error its download met (the instruction's error_message, word for word), for the job's Targets page.
import 'server-only'
import type { Db } from '../db/client'
import { findJob } from './jobs'

export interface JobTargetVersion {
  target: string
  /** null until the target acknowledges an INSERT or UPDATE of a known version */
  heldVersion: number | null
  /** holds the job's current version */
  current: boolean
  /** the newest INSERT or UPDATE of the job not yet downloaded (nor failed) */
  pending: { instructionId: number; operation: string; version: number | null; postedAt: Date } | null
  /** the newest of the job's instructions to it that carries an error: it blocks the target's downloads */
  error: { instructionId: number; operation: string; message: string } | null
}

/** Every target of the job, or only those given (a page of them, at most a few hundred). */
export async function jobTargetVersions(
  db: Db,
  name: string,
  only?: { targetIds: number[] },
): Promise<JobTargetVersion[]> {
  const job = await findJob(db, name)
  const targets = only ? { targetId: { in: only.targetIds } } : {}
  const [servers, open] = await Promise.all([
    db.jobServer.findMany({
      where: { jobId: job.id, ...targets },
      select: { targetId: true, heldVersion: true, target: { select: { name: true } } },
    }),
    db.downloadInstruction.findMany({
      where: { objectType: 'JOB', objectId: job.id, status: 0, ...targets },
      orderBy: { id: 'asc' },
      select: { id: true, targetId: true, operation: true, jobVersion: true, datePosted: true, errorMessage: true },
    }),
  ])
  const pending = new Map<number, JobTargetVersion['pending']>()
  const errors = new Map<number, JobTargetVersion['error']>()
  for (const row of open) {
    if (row.targetId === null) continue
    if (row.errorMessage !== null)
      errors.set(row.targetId, { instructionId: row.id, operation: row.operation, message: row.errorMessage })
    else if (row.operation === 'INSERT' || row.operation === 'UPDATE')
      pending.set(row.targetId, {
        instructionId: row.id,
        operation: row.operation,
        version: row.jobVersion,
        postedAt: row.datePosted,
      })
  }
  return servers
    .map((s) => ({
      target: s.target.name,
      heldVersion: s.heldVersion,
      current: s.heldVersion === job.version,
      pending: pending.get(s.targetId) ?? null,
      error: errors.get(s.targetId) ?? null,
    }))
    .sort((a, b) => a.target.localeCompare(b.target))
}
