// A job's Targets tab: the target servers holding it, a page at a time, found by name and by where its definition
// stands on each (the current version, an older one, an INSERT or UPDATE waiting, or a download that failed), with
// how many are in each state. A job on every target of a large fleet holds 100,000 of them.
import 'server-only'
import { z } from 'zod'
import type { Db } from '../db/client'
import { jobTargetVersions } from './job-target-versions'
import { findJob } from './jobs'
import { nameKey } from './names'
import { pageFields, pageWindow } from './paging'
import { type RunOutcomeLabel, runOutcomeLabel } from './run-outcomes'

export const JOB_TARGET_STATES = ['current', 'older', 'pending', 'error'] as const
export type JobTargetState = (typeof JOB_TARGET_STATES)[number]

export const jobTargetsQuery = z.object({
  target: z.string().trim().max(128).optional(),
  state: z.enum(JOB_TARGET_STATES).optional(),
  ...pageFields,
})
export type JobTargetsQuery = z.input<typeof jobTargetsQuery>

export interface JobTargetRow {
  name: string
  /** applied to the server itself, not only through a group */
  direct: boolean
  outcome: RunOutcomeLabel
  message: string | null
  lastRunAt: string | null
  durationMs: number | null
  heldVersion: number | null
  current: boolean
  pending: { instructionId: number; operation: string; version: number | null } | null
  error: { instructionId: number; operation: string; message: string } | null
}

export interface JobTargetList {
  rows: JobTargetRow[]
  total: number
  page: number
  pageSize: number
  /** how many of all the job's targets are in each state, whatever the filters */
  states: Record<JobTargetState, number>
}

function stateFilter(job: { id: number; version: number }, state: JobTargetState) {
  const open = { objectType: 'JOB', objectId: job.id, status: 0 }
  const failed = { target: { instructions: { some: { ...open, errorMessage: { not: null } } } } }
  const waiting = {
    target: { instructions: { some: { ...open, errorMessage: null, operation: { in: ['INSERT', 'UPDATE'] } } } },
  }
  switch (state) {
    case 'current':
      return { heldVersion: job.version, NOT: failed }
    case 'error':
      return failed
    case 'pending':
      return { AND: [waiting, { NOT: failed }, { OR: [{ heldVersion: null }, { heldVersion: { not: job.version } }] }] }
    case 'older':
      return {
        AND: [
          { NOT: failed },
          { NOT: waiting },
          { OR: [{ heldVersion: null }, { heldVersion: { not: job.version } }] },
        ],
      }
  }
}

export async function listJobTargets(db: Db, name: string, rawQuery: JobTargetsQuery = {}): Promise<JobTargetList> {
  const query = jobTargetsQuery.parse(rawQuery)
  const job = await findJob(db, name)
  const ofJob = { jobId: job.id }
  const where = {
    AND: [
      ofJob,
      ...(query.target ? [{ target: { nameKey: { contains: nameKey(query.target) } } }] : []),
      ...(query.state ? [stateFilter(job, query.state)] : []),
    ],
  }
  const [total, holdings, ...counts] = await Promise.all([
    db.jobServer.count({ where }),
    db.jobServer.findMany({
      where,
      orderBy: { target: { nameKey: 'asc' } },
      ...pageWindow(query),
      include: { target: { select: { id: true, name: true } } },
    }),
    ...JOB_TARGET_STATES.map((state) => db.jobServer.count({ where: { AND: [ofJob, stateFilter(job, state)] } })),
  ])
  const versions = new Map(
    (await jobTargetVersions(db, name, { targetIds: holdings.map((h) => h.targetId) })).map((v) => [v.target, v]),
  )
  return {
    rows: holdings.map((h) => {
      const version = versions.get(h.target.name)
      return {
        name: h.target.name,
        direct: h.direct,
        outcome: runOutcomeLabel(h.lastRunOutcome),
        message: h.lastOutcomeMessage,
        lastRunAt: h.lastRunAt?.toISOString() ?? null,
        durationMs: h.lastRunDurationMs,
        heldVersion: h.heldVersion,
        current: h.heldVersion === job.version,
        pending: version?.pending
          ? {
              instructionId: version.pending.instructionId,
              operation: version.pending.operation,
              version: version.pending.version,
            }
          : null,
        error: version?.error ?? null,
      }
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    states: Object.fromEntries(JOB_TARGET_STATES.map((state, i) => [state, counts[i] ?? 0])) as Record<
      JobTargetState,
      number
    >,
  }
}
