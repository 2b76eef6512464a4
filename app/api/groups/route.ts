import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { listGroupRows } from '@/lib/msx/group-list'

export const dynamic = 'force-dynamic'

export const GET = readRoute('read', async () => Response.json(await listGroupRows(await db())))
