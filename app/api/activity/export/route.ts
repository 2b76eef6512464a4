import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { auditCsvFileName, auditCsvStream } from '@/lib/msx/audit-csv'
import { auditEventChunks, auditFilterQuery } from '@/lib/msx/audit-list'
import { invalidQuery, queryObject } from '../../invalid-query'

export const dynamic = 'force-dynamic'

/** Every activity entry the filters of the page select (not one page of them), as a CSV download. */
export const GET = readRoute('read', async (request) => {
  const parsed = auditFilterQuery.safeParse(queryObject(request.url))
  if (!parsed.success) return invalidQuery(parsed.error)
  return new Response(auditCsvStream(auditEventChunks(await db(), parsed.data)), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${auditCsvFileName(new Date())}"`,
      'x-content-type-options': 'nosniff',
    },
  })
})
