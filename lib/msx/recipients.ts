// Who an instruction goes to, as every face says it, and the target servers that stands for.
import 'server-only'
import { z } from 'zod'
import type { Tx } from '../db/client'
import { chunks } from '../db/sql'
import { notFound, refused } from './errors'
import { groupName, nameKey, serverNames } from './names'

export const allTargets = z.object({ all: z.literal(true) })
export const groupMembers = z.object({ group: groupName })
export const namedTargets = z.object({ targets: serverNames })

/** Every target server, one group's members, or target servers chosen by name. */
export const recipientsInput = z.union([allTargets, groupMembers, namedTargets], {
  error: 'Say who receives it: all target servers ({ all: true }), a group ({ group }) or named ones ({ targets }).',
})
export type Recipients = z.output<typeof recipientsInput>

export interface Recipient {
  id: number
  name: string
}

/** Resolves recipients to targets, all or nothing: an unknown name or group is refused, naming it. */
export async function resolveRecipients(tx: Tx, recipients: Recipients): Promise<Recipient[]> {
  const select = { id: true, name: true } as const
  if ('all' in recipients) {
    return tx.targetServer.findMany({ where: { state: { not: 'DEFECTING' } }, select, orderBy: { id: 'asc' } })
  }
  if ('group' in recipients) {
    const group = await tx.targetServerGroup.findUnique({ where: { nameKey: nameKey(recipients.group) } })
    if (!group) throw notFound(`There is no target server group named "${recipients.group}".`)
    return tx.targetServer.findMany({
      where: { state: { not: 'DEFECTING' }, groups: { some: { groupId: group.id } } },
      select,
      orderBy: { id: 'asc' },
    })
  }
  const keys = [...new Set(recipients.targets.map(nameKey))]
  const found = []
  for (const part of chunks(keys))
    found.push(
      ...(await tx.targetServer.findMany({
        where: { nameKey: { in: part } },
        select: { ...select, nameKey: true, state: true },
      })),
    )
  found.sort((a, b) => a.id - b.id)
  const known = new Set(found.map((t) => t.nameKey))
  const missing = recipients.targets.filter((name) => !known.has(nameKey(name)))
  if (missing.length > 0)
    throw notFound(
      `No target server is named ${missing.map((n) => `"${n}"`).join(', ')}: check the names under Manage Target Servers.`,
    )
  const defecting = found.filter((t) => t.state === 'DEFECTING')
  if (defecting.length > 0)
    throw refused(
      `${defecting.map((t) => t.name).join(', ')} ${defecting.length === 1 ? 'is' : 'are'} defecting: no further instructions can be posted to ${defecting.length === 1 ? 'it' : 'them'}.`,
    )
  return found.map(({ id, name }) => ({ id, name }))
}
