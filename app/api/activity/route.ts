import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { auditListQuery, listAuditEvents } from '@/lib/msx/audit-list'
import { invalidQuery, queryObject } from '../invalid-query'

export const dynamic = 'force-dynamic'

export const GET = readRoute('read', async (request) => {
  const parsed = auditListQuery.safeParse(queryObject(request.url))
  if (!parsed.success) return invalidQuery(parsed.error)
  return Response.json(await listAuditEvents(await db(), parsed.data))
})
