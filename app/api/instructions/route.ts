import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { instructionListQuery, listInstructions } from '@/lib/msx/instructions'
import { staleDownloads } from '@/lib/msx/stale-downloads'
import type { InstructionsView } from '@/lib/query/lists'
import { invalidQuery, queryObject } from '../invalid-query'

export const dynamic = 'force-dynamic'

export const GET = readRoute('read', async (request) => {
  const parsed = instructionListQuery.safeParse(queryObject(request.url))
  if (!parsed.success) return invalidQuery(parsed.error)
  const client = await db()
  const [list, stale] = await Promise.all([listInstructions(client, parsed.data), staleDownloads(client)])
  return Response.json({ ...list, stale } satisfies InstructionsView)
})
