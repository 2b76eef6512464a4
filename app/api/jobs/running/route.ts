import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { listRunningJobs, runningQuery } from '@/lib/msx/jobs-running'
import { invalidQuery, queryObject } from '../../invalid-query'

export const dynamic = 'force-dynamic'

export const GET = readRoute('read', async (request) => {
  const parsed = runningQuery.safeParse(queryObject(request.url))
  if (!parsed.success) return invalidQuery(parsed.error)
  return Response.json(await listRunningJobs(await db(), parsed.data))
})
