'use server'

import { z } from 'zod'
import { countOf, targetServers } from '@/components/format/counts'
import { sayNames } from '@/components/format/names'
import { authedAction } from '@/lib/auth/next/action'
import { addGroupMembers, createGroup, deleteGroup, removeGroupMembers, renameGroup } from '@/lib/msx/groups'
import { groupName, serverNames } from '@/lib/msx/names'
import { groupKeys, targetKeys } from '@/lib/query/keys'

const MAX_SELECTION = 10_000
const targetNames = serverNames.max(MAX_SELECTION, `Select at most ${MAX_SELECTION} target servers at once.`)

const jobsNote = (instructions: number) =>
  instructions > 0 ? ` Posted ${countOf(instructions, 'job instruction')} for the group's jobs.` : ''

export const createGroupAction = authedAction({
  permission: 'groups.edit',
  audit: 'group.create',
  stale: [groupKeys.all],
  input: z.object({ name: groupName }),
  run: async (ctx, { name }) => {
    const group = await createGroup(ctx, name)
    return { data: { name: group.name }, message: `Created the group ${group.name}.` }
  },
})

export const renameGroupAction = authedAction({
  permission: 'groups.edit',
  audit: 'group.rename',
  stale: [groupKeys.all, targetKeys.all],
  input: z.object({ name: groupName, newName: groupName }),
  run: async (ctx, { name, newName }) => {
    const group = await renameGroup(ctx, name, newName)
    return { data: { name: group.name }, message: `Renamed the group ${name} to ${group.name}.` }
  },
})

export const deleteGroupAction = authedAction({
  permission: 'groups.edit',
  audit: 'group.delete',
  stale: [groupKeys.all, targetKeys.all],
  input: z.object({ name: groupName }),
  run: async (ctx, { name }) => {
    const group = await deleteGroup(ctx, name)
    return { data: undefined, message: `Deleted the group ${group.name}.` }
  },
})

export const addMembersAction = authedAction({
  permission: 'groups.edit',
  audit: 'group.members.add',
  stale: [groupKeys.all, targetKeys.all],
  input: z.object({ group: groupName, names: targetNames }),
  run: async (ctx, { group, names }) => {
    const { changed, jobs } = await addGroupMembers(ctx, group, names)
    const what =
      changed.length > 0 ? `Added ${sayNames(changed)} to ${group}.` : `All were already members of ${group}.`
    return { data: undefined, message: what + jobsNote(jobs.inserted.length + jobs.deleted.length) }
  },
})

export const removeMembersAction = authedAction({
  permission: 'groups.edit',
  audit: 'group.members.remove',
  stale: [groupKeys.all, targetKeys.all],
  input: z.object({ group: groupName, names: targetNames }),
  run: async (ctx, { group, names }) => {
    const { changed, jobs } = await removeGroupMembers(ctx, group, names)
    const what =
      changed.length > 0
        ? `Removed ${targetServers(changed.length)} from ${group}: ${sayNames(changed)}.`
        : `None of them was a member of ${group}.`
    return { data: undefined, message: what + jobsNote(jobs.inserted.length + jobs.deleted.length) }
  },
})
