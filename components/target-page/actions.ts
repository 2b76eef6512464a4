'use server'

import { z } from 'zod'
import { countOf } from '@/components/format/counts'
import { authedAction } from '@/lib/auth/next/action'
import { addGroupMembers, removeGroupMembers } from '@/lib/msx/groups'
import { serverName } from '@/lib/msx/names'
import { updateTargetLocation } from '@/lib/msx/targets'
import { groupKeys, targetKeys } from '@/lib/query/keys'

export const updateLocationAction = authedAction({
  permission: 'targets.edit',
  audit: 'target.update',
  stale: [targetKeys.all],
  input: z.object({
    name: serverName,
    location: z.string().trim().max(200, 'A location has at most 200 characters: shorten it.'),
  }),
  run: async (ctx, { name, location }) => {
    const target = await updateTargetLocation(ctx, name, location)
    return {
      data: undefined,
      message: target.location
        ? `${target.name} is now located at "${target.location}".`
        : `Cleared ${target.name}'s location.`,
    }
  },
})

const membership = z.object({
  target: serverName,
  group: z.string().trim().min(1, 'Choose a group.').max(128, 'A group name has at most 128 characters.'),
})

export const addToGroupAction = authedAction({
  permission: 'groups.edit',
  audit: 'group.members.add',
  stale: [targetKeys.all, groupKeys.all],
  input: membership,
  run: async (ctx, { target, group }) => {
    const { changed, jobs: posted } = await addGroupMembers(ctx, group, [target])
    const note = posted.inserted.length > 0 ? `; posted INSERT of ${countOf(posted.inserted.length, 'job')} to it` : ''
    return {
      data: undefined,
      message: changed.length ? `Added ${target} to ${group}${note}.` : `${target} was already in ${group}.`,
    }
  },
})

export const removeFromGroupAction = authedAction({
  permission: 'groups.edit',
  audit: 'group.members.remove',
  stale: [targetKeys.all, groupKeys.all],
  input: membership,
  run: async (ctx, { target, group }) => {
    const { changed, jobs: posted } = await removeGroupMembers(ctx, group, [target])
    const note =
      posted.deleted.length > 0
        ? `; posted DELETE of ${countOf(posted.deleted.length, 'job')} it held only through it`
        : ''
    return {
      data: undefined,
      message: changed.length ? `Removed ${target} from ${group}${note}.` : `${target} was not in ${group}.`,
    }
  },
})
