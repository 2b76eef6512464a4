import { z } from 'zod'
import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { isMsxError } from '@/lib/msx/errors'
import { readStepOutput, stepOutputFileName } from '@/lib/msx/step-output'

export const dynamic = 'force-dynamic'

const historyId = z.coerce.number().int().positive()

// The whole output of a step of a run (History shows its tail): as text, or as a file with ?download=1.
export const GET = readRoute('read', async (request) => {
  const url = new URL(request.url)
  const id = historyId.safeParse(url.pathname.split('/').at(-2))
  if (!id.success)
    return Response.json({ error: 'A step output is addressed by its history id, a whole number.' }, { status: 400 })
  try {
    const row = await readStepOutput(await db(), id.data)
    const download = url.searchParams.get('download') === '1'
    return new Response(row.output, {
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        ...(download ? { 'content-disposition': `attachment; filename="${stepOutputFileName(row)}"` } : {}),
      },
    })
  } catch (error) {
    if (isMsxError(error) && error.code === 'not_found') return Response.json({ error: error.message }, { status: 404 })
    throw error
  }
})
