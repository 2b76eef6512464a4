// The activity log, newest first, filtered and paged in the database.
import { z } from 'zod'
import type { Db } from '../db/client'

export const auditListQuery = z.object({
  search: z.string().trim().max(200).optional(),
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
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
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ])
  const rows = events.map((e): AuditRow => ({ ...e, at: e.at.toISOString() }))
  return { rows, total, page: query.page, pageSize: query.pageSize }
}
