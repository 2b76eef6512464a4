// `msx job apply`: a job kept as a file is created when the master does not have it, and replaced when it does.
import 'server-only'
import type { MsxContext } from './context'
import { createJob, parseJobDefinition, updateJob } from './jobs'
import { nameKey } from './names'

export interface ApplyJobResult {
  /** unchanged: the file holds the job as the master has it; its version stays and nothing is posted */
  action: 'created' | 'updated' | 'unchanged'
  name: string
  version: number
  /** what the change posted: INSERT to targets that gained the job, UPDATE to those keeping it, DELETE to those losing it */
  posted: { operation: 'INSERT' | 'UPDATE' | 'DELETE'; targets: string[] }[]
}

/**
 * Creates or updates a job from its definition. Without `targets` an existing job keeps its targets; with them,
 * targets that gain the job get INSERT, those that keep it UPDATE, those that lose it DELETE.
 */
export async function applyJob(ctx: MsxContext, input: unknown): Promise<ApplyJobResult> {
  const def = parseJobDefinition(input)
  const existing = await ctx.db.job.findUnique({ where: { nameKey: nameKey(def.name) }, select: { name: true } })
  const last = await ctx.db.downloadInstruction.findFirst({ orderBy: { id: 'desc' }, select: { id: true } })
  const saved = existing ? await updateJob(ctx, existing.name, def) : await createJob(ctx, def)
  const { job } = saved
  const rows = await ctx.db.downloadInstruction.findMany({
    where: { id: { gt: last?.id ?? 0 }, objectType: 'JOB', objectId: job.id },
    orderBy: { id: 'asc' },
    select: { operation: true, targetName: true },
  })
  const posted: ApplyJobResult['posted'] = []
  for (const operation of ['INSERT', 'UPDATE', 'DELETE'] as const) {
    const targets = rows.filter((r) => r.operation === operation).map((r) => r.targetName)
    if (targets.length > 0) posted.push({ operation, targets })
  }
  const action = !existing ? 'created' : 'changed' in saved && !saved.changed ? 'unchanged' : 'updated'
  return { action, name: job.name, version: job.version, posted }
}
