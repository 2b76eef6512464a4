// A job as its job file (docs/job-file.md): the one shape `msx job show`, `msx job export` and the kept versions
// write, so that applying it again gives the same job. Built from the job's rows or from a definition about to be saved.
import 'server-only'
import type { Tx } from '../db/client'
import type { JobDefinitionInput } from './job-definition'

export type JobFile = JobDefinitionInput & { targets: { servers: string[]; groups: string[] } }

interface JobRow {
  name: string
  description: string
  enabled: boolean
  category: string
  notifyEmail: string
  notifyPager: string
  notifyWebhook: string
}

interface StepRow {
  name: string
  kind: string
  command: string
  connection: string | null
  proxy: string | null
  onSuccess: string
  onFailure: string
  retryAttempts: number
  retryIntervalSeconds: number
  timeoutSeconds: number | null
}

interface ScheduleRow {
  name: string
  enabled: boolean
  cron: string | null
  runAt: Date | null
  startsAt: Date | null
  endsAt: Date | null
}

// a fixed order whatever the database's collation, so that two saves of the same job compare equal
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b))

export function toJobFile(
  job: JobRow,
  steps: StepRow[],
  schedules: ScheduleRow[],
  targets: { servers: string[]; groups: string[] },
): JobFile {
  return {
    name: job.name,
    description: job.description,
    enabled: job.enabled,
    category: job.category,
    notify: { email: job.notifyEmail, pager: job.notifyPager, webhook: job.notifyWebhook } as JobFile['notify'],
    steps: steps.map((s) => ({
      name: s.name,
      kind: s.kind as 'cmdexec' | 'sql',
      command: s.command,
      ...(s.connection ? { connection: s.connection } : {}),
      ...(s.proxy ? { proxy: s.proxy } : {}),
      onSuccess: s.onSuccess,
      onFailure: s.onFailure,
      retryAttempts: s.retryAttempts,
      retryIntervalSeconds: s.retryIntervalSeconds,
      ...(s.timeoutSeconds ? { timeoutSeconds: s.timeoutSeconds } : {}),
    })),
    schedules: [...schedules].sort(byName).map((s) => ({
      name: s.name,
      ...(s.cron ? { cron: s.cron } : {}),
      ...(s.runAt ? { runAt: s.runAt.toISOString() } : {}),
      ...(s.startsAt ? { startsAt: s.startsAt.toISOString() } : {}),
      ...(s.endsAt ? { endsAt: s.endsAt.toISOString() } : {}),
      enabled: s.enabled,
    })),
    targets: { servers: sorted(targets.servers), groups: sorted(targets.groups) },
  }
}

/** The job file of a job as the master holds it now. */
export async function jobFileOf(tx: Tx, jobId: number): Promise<JobFile> {
  const job = await tx.job.findUniqueOrThrow({
    where: { id: jobId },
    include: {
      steps: { orderBy: { stepNumber: 'asc' } },
      schedules: true,
      groups: { include: { group: { select: { name: true } } } },
      servers: { where: { direct: true }, include: { target: { select: { name: true } } } },
    },
  })
  return toJobFile(job, job.steps, job.schedules, {
    servers: job.servers.map((s) => s.target.name),
    groups: job.groups.map((g) => g.group.name),
  })
}

/** Two job files are the same job when their JSON is (toJobFile writes every field in one order). */
export const sameJobFile = (a: JobFile, b: JobFile) => JSON.stringify(a) === JSON.stringify(b)
