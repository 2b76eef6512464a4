// The compatibility of waiting enlistment requests with this master, read from the database.
import 'server-only'
import type { Db } from '../db/client'
import { type CompatibilityResult, checkCompatibility } from './compatibility'
import { invalid, notFound } from './errors'
import { activeMaster } from './master'
import { nameKey } from './names'

/** Each named request's checks, in the order of the names; a name with no request waiting is refused. */
export async function compatibilityOfRequests(db: Db, names: string[]): Promise<CompatibilityResult[]> {
  if (names.length === 0) throw invalid('Choose at least one enlistment request.')
  const [master, requests] = await Promise.all([
    activeMaster(db),
    db.enlistmentRequest.findMany({
      where: { nameKey: { in: names.map(nameKey) }, state: 'PENDING' },
      select: {
        name: true,
        nameKey: true,
        agentVersion: true,
        clockSkewMs: true,
        runAsAccount: true,
        encryptionMode: true,
      },
    }),
  ])
  const byKey = new Map(requests.map((r) => [r.nameKey, r]))
  const missing = names.filter((n) => !byKey.has(nameKey(n)))
  if (missing.length > 0)
    throw notFound(`No enlistment request is waiting for ${missing.map((n) => `"${n}"`).join(', ')}.`)
  return names.map((n) => checkCompatibility(byKey.get(nameKey(n)) as (typeof requests)[number], master.version))
}
