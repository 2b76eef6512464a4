import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { listWizardRequests } from '@/lib/msx/wizard-requests'

export const dynamic = 'force-dynamic'

export const GET = readRoute('read', async () => Response.json(await listWizardRequests(await db())))
