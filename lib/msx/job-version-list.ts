// A job's kept versions: the list (who saved each, when), the job file of one, and two compared line by line.
import 'server-only'
import type { Db } from '../db/client'
import { notFound } from './errors'
import type { JobFile } from './job-file-of'
import { findJob } from './jobs'
import { type DiffLine, diffLines, unifiedDiff } from './line-diff'

export interface JobVersionRow {
  version: number
  savedBy: string
  savedAt: Date
  /** the version the job has now */
  current: boolean
}

export async function listJobVersions(db: Db, name: string): Promise<JobVersionRow[]> {
  const job = await findJob(db, name)
  const rows = await db.jobVersion.findMany({
    where: { jobId: job.id },
    orderBy: { version: 'desc' },
    select: { version: true, savedBy: true, savedAt: true },
  })
  return rows.map((r) => ({ ...r, current: r.version === job.version }))
}

/** The job file of one version (the current one when none is named): apply it to get that job back. */
export async function readJobVersion(db: Db, name: string, version?: number): Promise<JobFile> {
  const job = await findJob(db, name)
  const wanted = version ?? job.version
  const row = await db.jobVersion.findUnique({ where: { jobId_version: { jobId: job.id, version: wanted } } })
  if (!row) throw notFound(await missingVersion(db, job, wanted))
  return JSON.parse(row.definition) as JobFile
}

async function missingVersion(db: Db, job: { id: number; name: string; version: number }, version: number) {
  const kept = await db.jobVersion.findMany({ where: { jobId: job.id }, select: { version: true } })
  const list = kept.map((k) => k.version).sort((a, b) => a - b)
  const which = list.length > 0 ? `its kept versions are ${list.join(', ')}` : 'none of its versions is kept yet'
  return `Job ${job.name} has no version ${version} (${which}; the current version is ${job.version}).`
}

export interface JobVersionDiff {
  from: number
  to: number
  lines: DiffLine[]
  /** as diff -u prints it; only the two headers when the versions are the same */
  unified: string
}

/** Two versions' job files as pretty JSON, compared line by line. */
export async function diffJobVersions(db: Db, name: string, from: number, to: number): Promise<JobVersionDiff> {
  const [a, b] = await Promise.all([readJobVersion(db, name, from), readJobVersion(db, name, to)])
  const lines = diffLines(pretty(a), pretty(b))
  const job = a.name === b.name ? a.name : name
  return { from, to, lines, unified: unifiedDiff(lines, `${job} version ${from}`, `${job} version ${to}`) }
}

const pretty = (file: JobFile) => JSON.stringify(file, null, 2).split('\n')
