import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { listTargets, targetListQuery } from '@/lib/msx/target-list'
import { invalidQuery, queryObject } from '../invalid-query'

export const dynamic = 'force-dynamic'

export const GET = readRoute('read', async (request) => {
  const parsed = targetListQuery.safeParse(queryObject(request.url))
  if (!parsed.success) return invalidQuery(parsed.error)
  return Response.json(await listTargets(await db(), parsed.data))
})
