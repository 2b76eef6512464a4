import fs from 'node:fs/promises'
import path from 'node:path'
import { APP_ROOT } from '@/lib/app-root'
import { readRoute } from '@/lib/auth/next/guards'

export const dynamic = 'force-dynamic'

// The job file's reference, as the repository has it: linked from the Jobs list for `msx job apply --file`.
export const GET = readRoute('read', async () => {
  const text = await fs.readFile(path.join(APP_ROOT, 'docs', 'job-file.md'), 'utf8')
  return new Response(text, { headers: { 'content-type': 'text/markdown; charset=utf-8' } })
})
