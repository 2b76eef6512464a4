import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { jobListQuery, listJobRows } from '@/lib/msx/job-table'
import { invalidQuery, queryObject } from '../invalid-query'

export const dynamic = 'force-dynamic'

export const GET = readRoute('read', async (request) => {
  const parsed = jobListQuery.safeParse(queryObject(request.url))
  if (!parsed.success) return invalidQuery(parsed.error)
  return Response.json(await listJobRows(await db(), parsed.data))
})
