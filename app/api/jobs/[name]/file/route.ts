import { readRoute } from '@/lib/auth/next/guards'
import { db } from '@/lib/db/client'
import { isMsxError } from '@/lib/msx/errors'
import { readJobVersion } from '@/lib/msx/job-version-list'

export const dynamic = 'force-dynamic'

// A version's job file, to download: `msx job apply --file` reads it back as that version of the job.
export const GET = readRoute('read', async (request) => {
  const url = new URL(request.url)
  const name = decodeURIComponent(url.pathname.split('/').at(-2) ?? '')
  const version = url.searchParams.get('version')
  try {
    const file = await readJobVersion(await db(), name, version ? Number(version) : undefined)
    const fileName = `${file.name.replace(/[^A-Za-z0-9._-]+/g, '_')}${version ? `-v${version}` : ''}.json`
    return new Response(`${JSON.stringify(file, null, 2)}\n`, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName}"`,
      },
    })
  } catch (error) {
    if (isMsxError(error) && error.code === 'not_found') return Response.json({ error: error.message }, { status: 404 })
    throw error
  }
})
