// The activity log, newest first, filtered and paged in the database.
import { z } from 'zod'
import type { Db } from '../db/client'
import { pageFields, pageWindow } from './paging'

export const auditListQuery = z.object({
  search: z.string().trim().max(200).optional(),
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  ...pageFields,
})
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

export async function listAuditEvents(db: Db, rawQuery: AuditListQuery = {}) {
  const query = auditListQuery.parse(rawQuery)
  const where = {
    AND: [
      query.search ? { OR: [{ objectName: { contains: query.search } }, { details: { contains: query.search } }] } : {},
      query.actor ? { actor: query.actor } : {},
      query.action ? { action: { startsWith: query.action } } : {},
    ],
  }
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: { id: 'desc' },
      ...pageWindow(query),
    }),
  ])
  const rows = events.map((e): AuditRow => ({ ...e, at: e.at.toISOString() }))
  return { rows, total, page: query.page, pageSize: query.pageSize }
}
