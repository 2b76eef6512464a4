import { db, providerOf } from '@/lib/db/client'
import { readMaster } from '@/lib/msx/master'

// read on every request: a health check must see the database as it is now
export const dynamic = 'force-dynamic'

export async function GET() {
  const headers = { 'Cache-Control': 'no-store' }
  try {
    const database = await db()
    const master = await readMaster(database)
    if (!master) return Response.json({ status: 'starting', database: providerOf(database) }, { status: 503, headers })
    return Response.json(
      { status: 'ok', master: master.name, version: master.version, database: providerOf(database) },
      { headers },
    )
  } catch {
    return Response.json({ status: 'error', message: 'the database cannot be reached' }, { status: 503, headers })
  }
}
