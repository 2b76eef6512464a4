// The activity log, newest first, filtered and paged in the database.
import 'server-only'
import { z } from 'zod'
import type { Db, Tx } from '../db/client'
import { type Sql, sql } from '../db/sql'
import { type AuditFilter, auditCondition } from './audit-filter'
import { serverName } from './names'
import { pageFields, pageWindow } from './paging'

const isoDateTime = (name: string) =>
  z.iso.datetime({ offset: true, error: `${name} must be a date and time such as 2026-12-01T00:00:00.000Z` }).optional()

export const auditFilterFields = {
  search: z.string().trim().max(200, 'search has at most 200 characters').optional(),
  actor: z.string().trim().max(200, 'actor has at most 200 characters').optional(),
  action: z.string().trim().max(100, 'action has at most 100 characters').optional(),
  target: serverName.optional(),
  result: z.enum(['success', 'failure'], { error: 'result is success or failure' }).optional(),
  from: isoDateTime('from'),
  to: isoDateTime('to'),
}

const fromNotAfterTo = (query: { from?: string; to?: string }) =>
  !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to)
const rangeMessage = { message: 'to must not be before from', path: ['to'] }

/** What the activity log is filtered by, for the export: every matching entry, not a page. */
export const auditFilterQuery = z.object(auditFilterFields).refine(fromNotAfterTo, rangeMessage)

export const auditListQuery = z.object({ ...auditFilterFields, ...pageFields }).refine(fromNotAfterTo, rangeMessage)
export type AuditListQuery = z.input<typeof auditListQuery>

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  objectType: string
  objectName: string
  details: string
  address: string
  result: string
}

type RawAuditRow = Omit<AuditRow, 'at'> & { at: Date | string }

const auditColumns = sql`id, at, actor, action, object_type AS "objectType", object_name AS "objectName", details, address, result`

function toRow(raw: RawAuditRow): AuditRow {
  return { ...raw, id: Number(raw.id), at: new Date(raw.at).toISOString() }
}

async function selectRows(client: Tx, where: Sql, take: number, skip = 0): Promise<AuditRow[]> {
  const rows = await client.$queryRaw<RawAuditRow[]>`
    SELECT ${auditColumns} FROM audit_events WHERE ${where} ORDER BY id DESC LIMIT ${take} OFFSET ${skip}`
  return rows.map(toRow)
}

export async function listAuditEvents(db: Db, rawQuery: AuditListQuery = {}) {
  const query = auditListQuery.parse(rawQuery)
  const where = auditCondition(db, query)
  const { skip, take } = pageWindow(query)
  const [counted, rows] = await Promise.all([
    db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM audit_events WHERE ${where}`,
    selectRows(db, where, take, skip),
  ])
  return { rows, total: Number(counted[0]?.total ?? 0), page: query.page, pageSize: query.pageSize }
}

/**
 * Every entry a filter selects, newest first, in chunks of `chunkSize` (each starts below the last id read), so
 * an export of any size holds one chunk in memory.
 */
export async function* auditEventChunks(db: Db, filter: AuditFilter, chunkSize = 1000): AsyncGenerator<AuditRow[]> {
  const where = auditCondition(db, filter)
  let below: number | undefined
  for (;;) {
    const chunk = await selectRows(db, below === undefined ? where : sql`${where} AND id < ${below}`, chunkSize)
    if (chunk.length > 0) yield chunk
    if (chunk.length < chunkSize) return
    below = chunk[chunk.length - 1]?.id
  }
}
