// What the enlist and doctor commands need of this master, read on the server for the page that shows them.
import 'server-only'
import { headers } from 'next/headers'
import { config } from '@/lib/config'
import { db } from '@/lib/db/client'
import { readMaster } from '@/lib/msx/master'
import type { EnlistHints } from './enlist-command'

export async function enlistHints(): Promise<EnlistHints> {
  const host = (await headers()).get('host') ?? 'localhost'
  // the host the browser used, without its port (an IPv6 literal keeps its brackets)
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]
  const master = await readMaster(await db())
  return { gatewayUrl: `https://${hostname}:${config().gatewayPort}`, caFingerprint: master?.caFingerprint ?? null }
}
