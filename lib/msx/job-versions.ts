// Every save of a job keeps its definition as a numbered version with who saved it and when, in the save's own
// transaction; a save made against an older version than the job's (the editor opened before another save) is refused.
import 'server-only'
import type { Tx } from '../db/client'
import { conflict } from './errors'
import type { JobFile } from './job-file-of'

/** Jobs saved before versions were kept have no row for their version: the save that follows keeps it first. */
export const SAVED_BEFORE_VERSIONS = 'unknown (saved before versions were kept)'

export function keepJobVersion(tx: Tx, jobId: number, version: number, definition: JobFile, savedBy: string) {
  return tx.jobVersion.create({ data: { jobId, version, definition: JSON.stringify(definition), savedBy } })
}

/** Keeps the definition a job has now as its current version, when no row holds it yet. */
export async function keepCurrentVersion(
  tx: Tx,
  job: { id: number; version: number; updatedAt: Date },
  definition: JobFile,
) {
  const kept = await tx.jobVersion.findUnique({ where: { jobId_version: { jobId: job.id, version: job.version } } })
  if (!kept)
    await tx.jobVersion.create({
      data: {
        jobId: job.id,
        version: job.version,
        definition: JSON.stringify(definition),
        savedBy: SAVED_BEFORE_VERSIONS,
        savedAt: job.updatedAt,
      },
    })
}

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`

/** Refuses a save made against `expectedVersion` when the job has been saved since, saying by whom and when. */
export async function refuseIfChangedSince(
  tx: Tx,
  job: { id: number; name: string; version: number; updatedAt: Date },
  expectedVersion: number | undefined,
) {
  if (expectedVersion === undefined || expectedVersion === job.version) return
  const newer = await tx.jobVersion.findUnique({ where: { jobId_version: { jobId: job.id, version: job.version } } })
  const who = newer?.savedBy ?? SAVED_BEFORE_VERSIONS
  throw conflict(
    `${job.name} was changed by ${who} at ${utc(newer?.savedAt ?? job.updatedAt)} (version ${job.version}) since you opened it: reload it to see the change; your edit is kept on this page.`,
  )
}
