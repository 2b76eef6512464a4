import { db } from '@/lib/db/client'
import { auditListQuery, listAuditEvents } from '@/lib/msx/audit-list'
import { invalidQuery, queryObject } from '../invalid-query'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  const parsed = auditListQuery.safeParse(queryObject(request.url))
  if (!parsed.success) return invalidQuery(parsed.error)
  return Response.json(await listAuditEvents(await db(), parsed.data))
}
