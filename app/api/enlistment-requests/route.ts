import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { listPendingRequestRows } from '@/lib/msx/enlistment-request-list'

export const dynamic = 'force-dynamic'

export const GET = readRoute('read', async () => Response.json(await listPendingRequestRows(await db())))
