// Multiserver jobs (sp_add_job & co, sp_apply_job_to_targets, sp_remove_job_from_targets). Each change posts
// INSERT, UPDATE or DELETE to exactly the targets it affects, in the same transaction.
import 'server-only'
import type { Tx } from '../db/client'
import { recordAudit, summarizeNames, targetNamesBeyondSummary } from './audit'
import { inTransaction, type MsxContext } from './context'
import { postInstructions } from './download-list'
import { conflict, invalid, notFound } from './errors'
import { describeIssues, type JobDefinition, type JobDefinitionInput, jobDefinition } from './job-definition'
import { type JobFile, jobFileOf, sameJobFile, toJobFile } from './job-file-of'
import { directTargetIds, reconcileJobTargets } from './job-targets'
import { keepCurrentVersion, keepJobVersion, refuseIfChangedSince } from './job-versions'
import { activeMaster } from './master'
import { nameKey, sameName } from './names'
import { readOperator } from './operator'
import { resolveRecipients } from './recipients'

export function parseJobDefinition(input: unknown): JobDefinition {
  const parsed = jobDefinition.safeParse(input)
  if (!parsed.success) throw invalid(`The job definition is not valid:\n${describeIssues(parsed.error)}`)
  return parsed.data
}

/** SSMS notifies only the MSXOperator about multiserver jobs: a job naming another operator is refused. */
async function refuseOtherOperator(tx: Tx, named: string | undefined) {
  if (named === undefined) return
  const operator = await readOperator(tx)
  if (!operator)
    throw invalid(
      `notify.operator names "${named}", but this master has no MSXOperator yet: set it up (msx operator set, or the Master Server Wizard) or leave notify.operator out.`,
    )
  if (!sameName(named, operator.name))
    throw invalid(
      `notify.operator names "${named}": only the MSXOperator (${operator.name}) is notified about multiserver jobs. Name it, or leave notify.operator out.`,
    )
}

export async function findJob(tx: Tx, name: string) {
  const job = await tx.job.findUnique({ where: { nameKey: nameKey(name) } })
  if (!job) throw notFound(`There is no multiserver job named "${name}".`)
  return job
}

function jobColumns(def: JobDefinition) {
  return {
    name: def.name,
    nameKey: nameKey(def.name),
    description: def.description,
    enabled: def.enabled,
    category: def.category,
    notifyEmail: def.notify.email,
    notifyPager: def.notify.pager,
    notifyWebhook: def.notify.webhook,
  }
}

function stepRows(def: JobDefinition) {
  return def.steps.map((step, i) => ({
    stepNumber: i + 1,
    name: step.name,
    kind: step.kind,
    command: step.command,
    connection: step.connection ?? null,
    proxy: step.proxy ?? null,
    onSuccess: step.onSuccess,
    onFailure: step.onFailure,
    retryAttempts: step.retryAttempts,
    retryIntervalSeconds: step.retryIntervalSeconds,
    timeoutSeconds: step.timeoutSeconds ?? null,
  }))
}

function scheduleRows(def: JobDefinition) {
  return def.schedules.map((s) => ({
    name: s.name,
    enabled: s.enabled,
    cron: s.cron ?? null,
    runAt: s.runAt ? new Date(s.runAt) : null,
    startsAt: s.startsAt ? new Date(s.startsAt) : null,
    endsAt: s.endsAt ? new Date(s.endsAt) : null,
  }))
}

/** The targets named in a definition, as direct target ids and group ids (all must exist), and their names. */
export async function resolveTargets(tx: Tx, targets: NonNullable<JobDefinition['targets']>) {
  const servers = targets.servers.length > 0 ? await resolveRecipients(tx, { targets: targets.servers }) : []
  const groups = await Promise.all(
    targets.groups.map(async (name) => {
      const group = await tx.targetServerGroup.findUnique({ where: { nameKey: nameKey(name) } })
      if (!group) throw notFound(`There is no target server group named "${name}".`)
      return group
    }),
  )
  return {
    serverIds: new Set(servers.map((s) => s.id)),
    groupIds: new Set(groups.map((g) => g.id)),
    names: { servers: servers.map((s) => s.name), groups: groups.map((g) => g.name) },
  }
}

/** The job file a definition saves as, with the targets it names (or, without any, those the job keeps). */
export function jobFileFrom(def: JobDefinition, targets: JobFile['targets']): JobFile {
  return toJobFile(jobColumns(def), stepRows(def), scheduleRows(def), targets)
}

async function setJobGroups(tx: Tx, jobId: number, groupIds: Set<number>) {
  await tx.jobTargetGroup.deleteMany({ where: { jobId, groupId: { notIn: [...groupIds] } } })
  const existing = await tx.jobTargetGroup.findMany({ where: { jobId }, select: { groupId: true } })
  const have = new Set(existing.map((e) => e.groupId))
  const add = [...groupIds].filter((id) => !have.has(id))
  if (add.length > 0) await tx.jobTargetGroup.createMany({ data: add.map((groupId) => ({ jobId, groupId })) })
}

/** Creates a multiserver job; with targets, it is posted (INSERT) to them at once. */
export async function createJob(ctx: MsxContext, input: JobDefinitionInput) {
  const def = parseJobDefinition(input)
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    await refuseOtherOperator(tx, def.notify.operator)
    const existing = await tx.job.findUnique({ where: { nameKey: nameKey(def.name) } })
    if (existing) throw conflict(`A multiserver job named "${existing.name}" already exists.`)
    const job = await tx.job.create({
      data: {
        ...jobColumns(def),
        owner: ctx.actor.name,
        steps: { create: stepRows(def) },
        schedules: { create: scheduleRows(def) },
      },
    })
    let inserted = 0
    let targetNames: JobFile['targets'] = { servers: [], groups: [] }
    if (def.targets) {
      const { serverIds, groupIds, names } = await resolveTargets(tx, def.targets)
      await setJobGroups(tx, job.id, groupIds)
      inserted = (await reconcileJobTargets(tx, master.name, job, serverIds)).inserted.length
      targetNames = names
    }
    await keepJobVersion(tx, job.id, job.version, jobFileFrom(def, targetNames), ctx.actor.name)
    await recordAudit(tx, ctx.actor, {
      action: 'job.create',
      objectType: 'job',
      objectName: job.name,
      details: { steps: def.steps.length, schedules: def.schedules.length, postedInsertTo: inserted },
    })
    return { job, inserted }
  })
}

export interface UpdateJobOptions {
  /** the version the editor opened: a job saved since is refused, saying who saved it and when */
  expectedVersion?: number
}

/**
 * Replaces a job's definition. Targets that keep it get UPDATE; with `targets` in the definition, targets
 * that gain it get INSERT and those that lose it get DELETE. A definition that changes nothing keeps the
 * version and posts nothing.
 */
export async function updateJob(
  ctx: MsxContext,
  name: string,
  input: JobDefinitionInput,
  options: UpdateJobOptions = {},
) {
  const def = parseJobDefinition(input)
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const job = await findJob(tx, name)
    await refuseIfChangedSince(tx, job, options.expectedVersion)
    await refuseOtherOperator(tx, def.notify.operator)
    if (nameKey(def.name) !== job.nameKey) {
      const clash = await tx.job.findUnique({ where: { nameKey: nameKey(def.name) } })
      if (clash) throw conflict(`A multiserver job named "${clash.name}" already exists.`)
    }
    const before = await jobFileOf(tx, job.id)
    const targets = def.targets ? await resolveTargets(tx, def.targets) : null
    const after = jobFileFrom(def, targets?.names ?? before.targets)
    if (sameJobFile(before, after)) return { job, changed: false, updated: 0, inserted: 0, deleted: 0 }
    await keepCurrentVersion(tx, job, before)
    await tx.jobStep.deleteMany({ where: { jobId: job.id } })
    await tx.jobSchedule.deleteMany({ where: { jobId: job.id } })
    // the new version first: the instructions posted below carry it
    const updated = await tx.job.update({
      where: { id: job.id },
      data: {
        ...jobColumns(def),
        version: { increment: 1 },
        steps: { create: stepRows(def) },
        schedules: { create: scheduleRows(def) },
      },
    })
    await keepJobVersion(tx, job.id, updated.version, after, ctx.actor.name)
    let changes = { inserted: [] as { id: number; name: string }[], deleted: [] as { id: number; name: string }[] }
    if (targets) {
      await setJobGroups(tx, job.id, targets.groupIds)
      changes = await reconcileJobTargets(tx, master.name, updated, targets.serverIds)
    }
    const fresh = new Set(changes.inserted.map((t) => t.id))
    const keeping = await tx.jobServer.findMany({
      where: { jobId: job.id },
      select: { targetId: true, target: { select: { name: true } } },
    })
    const toUpdate = keeping.filter((k) => !fresh.has(k.targetId)).map((k) => ({ id: k.targetId, name: k.target.name }))
    await postInstructions(
      tx,
      master.name,
      { operation: 'UPDATE', objectType: 'JOB', objectId: job.id, objectName: updated.name },
      toUpdate,
    )
    await recordAudit(tx, ctx.actor, {
      action: 'job.update',
      objectType: 'job',
      objectName: updated.name,
      details: {
        version: updated.version,
        postedUpdateTo: toUpdate.length,
        postedInsertTo: changes.inserted.length,
        postedDeleteTo: changes.deleted.length,
      },
    })
    return {
      job: updated,
      changed: true,
      updated: toUpdate.length,
      inserted: changes.inserted.length,
      deleted: changes.deleted.length,
    }
  })
}

/** Deletes a job: every target holding it gets DELETE. */
export async function deleteJob(ctx: MsxContext, name: string) {
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const job = await findJob(tx, name)
    const holders = await tx.jobServer.findMany({
      where: { jobId: job.id },
      select: { targetId: true, target: { select: { name: true } } },
    })
    const targets = holders.map((h) => ({ id: h.targetId, name: h.target.name }))
    await postInstructions(
      tx,
      master.name,
      { operation: 'DELETE', objectType: 'JOB', objectId: job.id, objectName: job.name, deletedObjectName: job.name },
      targets,
    )
    await tx.job.delete({ where: { id: job.id } })
    await recordAudit(tx, ctx.actor, {
      action: 'job.delete',
      objectType: 'job',
      objectName: job.name,
      details: { postedDeleteTo: targets.length },
    })
    return { job, deleted: targets.length }
  })
}

export interface JobTargetsChange {
  servers?: string[]
  groups?: string[]
}

/** Applies a job to more target servers and groups (sp_apply_job_to_targets); new holders get INSERT. */
export function applyJobToTargets(ctx: MsxContext, jobName: string, change: JobTargetsChange) {
  return changeJobTargets(ctx, jobName, change, 'apply')
}

/** Removes a job from target servers and groups (sp_remove_job_from_targets); targets losing it get DELETE. */
export function removeJobFromTargets(ctx: MsxContext, jobName: string, change: JobTargetsChange) {
  return changeJobTargets(ctx, jobName, change, 'remove')
}

async function changeJobTargets(ctx: MsxContext, jobName: string, change: JobTargetsChange, how: 'apply' | 'remove') {
  const servers = change.servers ?? []
  const groups = change.groups ?? []
  if (servers.length + groups.length === 0) throw invalid('Choose at least one target server or group.')
  return inTransaction(ctx, async (tx) => {
    const master = await activeMaster(tx)
    const job = await findJob(tx, jobName)
    const { serverIds, groupIds } = await resolveTargets(tx, { servers, groups })
    const direct = await directTargetIds(tx, job.id)
    const linked = await tx.jobTargetGroup.findMany({ where: { jobId: job.id }, select: { groupId: true } })
    const jobGroups = new Set(linked.map((l) => l.groupId))
    for (const id of serverIds) how === 'apply' ? direct.add(id) : direct.delete(id)
    for (const id of groupIds) how === 'apply' ? jobGroups.add(id) : jobGroups.delete(id)
    await setJobGroups(tx, job.id, jobGroups)
    const result = await reconcileJobTargets(tx, master.name, job, direct)
    await recordAudit(tx, ctx.actor, {
      action: how === 'apply' ? 'job.targets.apply' : 'job.targets.remove',
      objectType: 'job',
      objectName: job.name,
      details: {
        servers: summarizeNames(servers),
        groups: summarizeNames(groups),
        postedInsertTo: result.inserted.length,
        postedDeleteTo: result.deleted.length,
        targetNames: targetNamesBeyondSummary(servers),
      },
    })
    return result
  })
}

/** What an INSERT or UPDATE carries to the target: the whole job, with its steps and schedules. */
export async function jobPayload(tx: Tx, jobId: number) {
  const job = await tx.job.findUnique({
    where: { id: jobId },
    include: { steps: { orderBy: { stepNumber: 'asc' } }, schedules: { orderBy: { name: 'asc' } } },
  })
  if (!job) return null
  return {
    id: job.id,
    name: job.name,
    version: job.version,
    description: job.description,
    enabled: job.enabled,
    category: job.category,
    pausedUntil: job.pausedUntil?.toISOString() ?? null,
    steps: job.steps.map(({ id: _id, jobId: _jobId, ...step }) => step),
    schedules: job.schedules.map((s) => ({
      name: s.name,
      enabled: s.enabled,
      cron: s.cron,
      runAt: s.runAt?.toISOString() ?? null,
      startsAt: s.startsAt?.toISOString() ?? null,
      endsAt: s.endsAt?.toISOString() ?? null,
    })),
  }
}
