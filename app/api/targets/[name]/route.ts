import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { targetDetails } from '@/lib/msx/target-details'

export const dynamic = 'force-dynamic'

// readRoute hands over the request only: the name is the path's last segment
export const GET = readRoute('read', async (request) => {
  const name = decodeURIComponent(new URL(request.url).pathname.split('/').at(-1) ?? '')
  return Response.json(await targetDetails(await db(), name))
})
