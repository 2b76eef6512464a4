// Target server groups (sp_add_targetservergroup & co). A group's jobs follow its members: a new member gets
// them, a removed member loses those it held only through the group.
import 'server-only'
import type { Tx } from '../db/client'
import { chunks, join, timestamp } from '../db/sql'
import { recordAudit, summarizeNames, targetNamesBeyondSummary } from './audit'
import { inTransaction, type MsxContext } from './context'
import { conflict, invalid, notFound } from './errors'
import { jobsAppliedToGroups, reconcileJobs } from './job-targets'
import { activeMaster } from './master'
import { nameKey, objectName } from './names'
import { resolveRecipients } from './recipients'

const groupName = objectName('group')

function parseGroupName(name: string) {
  const parsed = groupName.safeParse(name)
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? 'Invalid group name.')
  return parsed.data
}

export async function findGroup(tx: Tx, name: string) {
  const group = await tx.targetServerGroup.findUnique({ where: { nameKey: nameKey(name) } })
  if (!group) throw notFound(`There is no target server group named "${name}".`)
  return group
}

async function assertNameFree(tx: Tx, name: string) {
  const existing = await tx.targetServerGroup.findUnique({ where: { nameKey: nameKey(name) } })
  if (existing) throw conflict(`A target server group named "${existing.name}" already exists.`)
}

export async function createGroup(ctx: MsxContext, rawName: string) {
  const name = parseGroupName(rawName)
  return inTransaction(ctx, async (tx) => {
    await assertNameFree(tx, name)
    const group = await tx.targetServerGroup.create({ data: { name, nameKey: nameKey(name) } })
    await recordAudit(tx, ctx.actor, { action: 'group.create', objectType: 'group', objectName: name })
    return group
  })
}

export async function renameGroup(ctx: MsxContext, currentName: string, rawNewName: string) {
  const newName = parseGroupName(rawNewName)
  return inTransaction(ctx, async (tx) => {
    const group = await findGroup(tx, currentName)
    if (nameKey(newName) !== group.nameKey) await assertNameFree(tx, newName)
    const renamed = await tx.targetServerGroup.update({
      where: { id: group.id },
      data: { name: newName, nameKey: nameKey(newName) },
    })
    await recordAudit(tx, ctx.actor, {
      action: 'group.rename',
      objectType: 'group',
      objectName: newName,
      details: { from: group.name, to: newName },
    })
    return renamed
  })
}

/** Deletes a group; its members lose the jobs they held only through it. */
export async function deleteGroup(ctx: MsxContext, name: string) {
  return inTransaction(ctx, async (tx) => {
    const group = await findGroup(tx, name)
    const master = await activeMaster(tx)
    const jobs = await jobsAppliedToGroups(tx, [group.id])
    await tx.targetServerGroup.delete({ where: { id: group.id } })
    const { deleted } = await reconcileJobs(tx, master.name, jobs)
    await recordAudit(tx, ctx.actor, {
      action: 'group.delete',
      objectType: 'group',
      objectName: group.name,
      details: { jobsRemovedFromTargets: deleted.length },
    })
    return group
  })
}

/** Adds target servers to a group (already members are left as they are); they get the group's jobs. */
export async function addGroupMembers(ctx: MsxContext, group: string, targets: string[]) {
  return changeMembers(ctx, group, targets, 'add')
}

/** Removes target servers from a group; they lose the jobs they held only through it. */
export async function removeGroupMembers(ctx: MsxContext, group: string, targets: string[]) {
  return changeMembers(ctx, group, targets, 'remove')
}

async function changeMembers(ctx: MsxContext, groupName: string, targetNames: string[], change: 'add' | 'remove') {
  if (targetNames.length === 0) throw invalid('Choose at least one target server.')
  return inTransaction(ctx, async (tx) => {
    const group = await findGroup(tx, groupName)
    const master = await activeMaster(tx)
    const targets = await resolveRecipients(tx, { targets: targetNames })
    const existing = await tx.targetServerGroupMember.findMany({
      where: { groupId: group.id },
      select: { targetId: true },
    })
    const members = new Set(existing.map((m) => m.targetId))
    const changed = targets.filter((t) => (change === 'add' ? !members.has(t.id) : members.has(t.id)))
    if (change === 'add') {
      const now = new Date()
      for (const ids of chunks(changed.map((t) => t.id)))
        await tx.$executeRaw`
          INSERT INTO target_server_group_members (group_id, target_id, added_at)
          SELECT CAST(${group.id} AS INTEGER), t.id, ${timestamp(tx, now)} FROM target_servers t WHERE t.id IN (${join(ids)})`
    } else {
      for (const ids of chunks(changed.map((t) => t.id)))
        await tx.targetServerGroupMember.deleteMany({ where: { groupId: group.id, targetId: { in: ids } } })
    }
    const jobs = await reconcileJobs(tx, master.name, await jobsAppliedToGroups(tx, [group.id]))
    await recordAudit(tx, ctx.actor, {
      action: change === 'add' ? 'group.members.add' : 'group.members.remove',
      objectType: 'group',
      objectName: group.name,
      details: {
        targets: summarizeNames(changed.map((t) => t.name)),
        count: changed.length,
        jobInstructions: jobs.inserted.length + jobs.deleted.length,
        targetNames: targetNamesBeyondSummary(changed.map((t) => t.name)),
      },
    })
    return { changed: changed.map((t) => t.name), jobs }
  })
}

/** Groups with their member counts, by name. */
export async function listGroups(tx: Tx) {
  const groups = await tx.targetServerGroup.findMany({
    orderBy: { nameKey: 'asc' },
    include: { _count: { select: { members: true, jobs: true } } },
  })
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    members: g._count.members,
    jobs: g._count.jobs,
    createdAt: g.createdAt,
  }))
}
