import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { listEnlistmentTokens } from '@/lib/msx/enlistment-tokens'

export const dynamic = 'force-dynamic'

export const GET = readRoute('enlistment.tokens', async () => Response.json(await listEnlistmentTokens(await db())))
