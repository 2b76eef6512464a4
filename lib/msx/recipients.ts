import type { Tx } from '../db/client'
import { chunks } from '../db/sql'
import { notFound, refused } from './errors'
import { nameKey } from './names'

/** Who an instruction goes to: every target server, one group's members, or targets chosen by name. */
export type Recipients = { all: true } | { group: string } | { targets: string[] }

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
