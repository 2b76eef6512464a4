// A step's output in History: the list carries its tail (a target keeps up to 64 KiB of it), the whole text is
// read on demand and downloaded by the id of its history row.
import 'server-only'
import type { Db } from '../db/client'
import { notFound } from './errors'

/** History's list shows at most this much of a step's output, its end, where a failing command says why. */
export const OUTPUT_PREVIEW_CHARS = 4000

export interface OutputPreview {
  /** the whole output, or its last OUTPUT_PREVIEW_CHARS characters */
  output: string
  /** the whole output's length */
  outputChars: number
  outputTruncated: boolean
}

export function outputPreview(output: string): OutputPreview {
  if (output.length <= OUTPUT_PREVIEW_CHARS) return { output, outputChars: output.length, outputTruncated: false }
  return { output: output.slice(-OUTPUT_PREVIEW_CHARS), outputChars: output.length, outputTruncated: true }
}

/** The whole output of one step of a run, by its history row's id. */
export async function readStepOutput(db: Db, id: number) {
  const row = await db.jobHistory.findUnique({
    where: { id },
    select: {
      jobName: true,
      targetName: true,
      runId: true,
      stepNumber: true,
      stepName: true,
      startedAt: true,
      output: true,
    },
  })
  if (!row || row.stepNumber === 0)
    throw notFound(`There is no step output ${id} in the job history: it may have been purged with old history.`)
  return row
}

/** "nightly-backup_TSX1_step-2_2026-12-03T02-30-00Z.txt" */
export function stepOutputFileName(row: { jobName: string; targetName: string; stepNumber: number; startedAt: Date }) {
  const at = row.startedAt
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')
  return `${row.jobName}_${row.targetName}_step-${row.stepNumber}_${at}.txt`.replace(/[^A-Za-z0-9._-]+/g, '_')
}
