// The Target Server Status list (sp_help_targetserver), filtered, sorted and paged in the database.
import 'server-only'
import { z } from 'zod'
import type { Db, Tx } from '../db/client'
import { unreadCounts } from './download-list'
import { nameKey } from './names'
import { pageFields, pageWindow } from './paging'
import { statusFilter, TARGET_STATUSES, type TargetStatus, targetLocalTime, targetStatus } from './status'

export const TARGET_SORT_COLUMNS = [
  'name',
  'location',
  'lastPolled',
  'pollInterval',
  'agentVersion',
  'clockSkew',
  'enlisted',
] as const

export const targetListQuery = z.object({
  search: z.string().trim().max(200).optional(),
  status: z.enum(TARGET_STATUSES).optional(),
  group: z.string().trim().max(128).optional(),
  sort: z.enum(TARGET_SORT_COLUMNS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  ...pageFields,
})
export type TargetListQuery = z.input<typeof targetListQuery>

/** One row of the list, JSON-ready (dates as ISO strings) for the dashboard, its JSON reads and the CLI. */
export interface TargetRow {
  id: number
  name: string
  location: string
  localTime: string | null
  timeZoneOffsetMinutes: number
  lastPolled: string | null
  unreadInstructions: number
  status: TargetStatus
  statusReason: string
  pollIntervalSeconds: number
  agentVersion: string
  clockSkewMs: number | null
  spoolDepth: number
  groups: string[]
  enlistedAt: string
  enlistedBy: string
}

export interface TargetList {
  rows: TargetRow[]
  total: number
  page: number
  pageSize: number
}

const orderColumn = {
  name: 'nameKey',
  location: 'location',
  lastPolled: 'lastPollAt',
  pollInterval: 'pollIntervalSeconds',
  agentVersion: 'agentVersion',
  clockSkew: 'clockSkewMs',
  enlisted: 'enlistedAt',
} as const

/** The id of the group the filter names; no group has id 0, so an unknown name matches no target. */
async function groupId(db: Db | Tx, name: string) {
  const group = await db.targetServerGroup.findUnique({ where: { nameKey: nameKey(name) }, select: { id: true } })
  return group?.id ?? 0
}

/** The targets the list's search, status and group filters select, as a Prisma condition. */
export async function targetFilterWhere(
  db: Db | Tx,
  query: Pick<TargetListQuery, 'search' | 'status' | 'group'>,
  now = new Date(),
) {
  const search = query.search
    ? { OR: [{ nameKey: { contains: nameKey(query.search) } }, { location: { contains: query.search } }] }
    : {}
  // by the group's id, so each target is checked against the membership key alone (no join per target)
  const group = query.group ? { groups: { some: { groupId: await groupId(db, query.group) } } } : {}
  const status = query.status ? statusFilter(query.status, now) : {}
  return { AND: [search, group, status] }
}

export async function listTargets(db: Db, rawQuery: TargetListQuery = {}, now = new Date()): Promise<TargetList> {
  const query = targetListQuery.parse(rawQuery)
  const where = await targetFilterWhere(db, query, now)
  const [total, targets] = await Promise.all([
    db.targetServer.count({ where }),
    db.targetServer.findMany({
      where,
      orderBy: [{ [orderColumn[query.sort]]: query.dir }, { id: 'asc' }],
      ...pageWindow(query),
      include: { groups: { select: { group: { select: { name: true } } } } },
    }),
  ])
  const ids = targets.map((t) => t.id)
  const [unread, errors] = await Promise.all([
    unreadCounts(db, ids),
    db.downloadInstruction.findMany({
      where: { targetId: { in: ids }, errorMessage: { not: null } },
      orderBy: { id: 'asc' },
      select: { id: true, targetId: true, errorMessage: true },
    }),
  ])
  const firstError = new Map<number, { id: number; errorMessage: string }>()
  for (const e of errors)
    if (e.targetId !== null && !firstError.has(e.targetId))
      firstError.set(e.targetId, { id: e.id, errorMessage: e.errorMessage ?? '' })
  const rows = targets.map((t): TargetRow => {
    const { status: s, reason } = targetStatus({ ...t, blockingInstruction: firstError.get(t.id) ?? null }, now)
    return {
      id: t.id,
      name: t.name,
      location: t.location,
      localTime: targetLocalTime(t, now)?.toISOString() ?? null,
      timeZoneOffsetMinutes: t.timeZoneOffsetMinutes,
      lastPolled: t.lastPollAt?.toISOString() ?? null,
      unreadInstructions: unread.get(t.id) ?? 0,
      status: s,
      statusReason: reason,
      pollIntervalSeconds: t.pollIntervalSeconds,
      agentVersion: t.agentVersion,
      clockSkewMs: t.clockSkewMs,
      spoolDepth: t.spoolDepth,
      groups: t.groups.map((g) => g.group.name).sort(),
      enlistedAt: t.enlistedAt.toISOString(),
      enlistedBy: t.enlistedBy,
    }
  })
  return { rows, total, page: query.page, pageSize: query.pageSize }
}
