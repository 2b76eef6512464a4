// What the job editor opens with: the job as its job file (or a new job's defaults), its version, and the
// choices the fields offer (categories in use, the fleet's time zones, the MSXOperator).
import 'server-only'
import type { Db } from '../db/client'
import { DEFAULT_JOB_CATEGORY } from './job-definition'
import { type JobFile, jobFileOf } from './job-file-of'
import { findJob } from './jobs'
import { type OperatorView, readOperator } from './operator'

export interface JobEditorData {
  job: JobFile
  version: number | null
  owner: string
  categories: string[]
  /** the target time zones of the fleet, with how many targets are in each and one of them */
  zones: { offsetMinutes: number; targets: number; example: string }[]
  operator: OperatorView | null
  masterTimeZone: string
}

const NEW_JOB: JobFile = {
  name: '',
  description: '',
  enabled: true,
  category: DEFAULT_JOB_CATEGORY,
  notify: { email: 'never', pager: 'never', webhook: 'never' },
  steps: [
    {
      name: 'Step 1',
      kind: 'cmdexec',
      command: '',
      onSuccess: 'next',
      onFailure: 'quit-failure',
      retryAttempts: 0,
      retryIntervalSeconds: 0,
    },
  ],
  schedules: [],
  targets: { servers: [], groups: [] },
}

export async function jobEditorData(db: Db, name: string | null, newOwner: string): Promise<JobEditorData> {
  const job = name === null ? null : await findJob(db, name)
  const [file, categories, zones, operator] = await Promise.all([
    job ? jobFileOf(db, job.id) : NEW_JOB,
    db.job.findMany({ distinct: ['category'], select: { category: true }, orderBy: { category: 'asc' }, take: 500 }),
    db.targetServer.groupBy({
      by: ['timeZoneOffsetMinutes'],
      _count: { _all: true },
      _min: { name: true },
      orderBy: { timeZoneOffsetMinutes: 'asc' },
    }),
    readOperator(db),
  ])
  return {
    job: file,
    version: job?.version ?? null,
    owner: job?.owner ?? newOwner,
    categories: categories.map((c) => c.category),
    zones: zones.map((z) => ({
      offsetMinutes: z.timeZoneOffsetMinutes,
      targets: z._count._all,
      example: z._min.name ?? '',
    })),
    operator,
    masterTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }
}
