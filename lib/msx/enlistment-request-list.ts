// The requests waiting for a decision, as the dashboard and the CLI show them: JSON-ready, without the CSR (it
// can be 20 kB each and no one reads it), the oldest first and at most a screenful more than anyone decides at once.
import 'server-only'
import type { Db } from '../db/client'
import { checkCompatibility } from './compatibility'
import { readMaster } from './master'

export const PENDING_REQUESTS_SHOWN = 200

export interface PendingRequestRow {
  id: number
  name: string
  location: string
  agentVersion: string
  keyFingerprint: string
  sourceAddress: string
  requestedAt: string
  /** why enlisting it would be refused (an agent version outside the accepted window); null when it would not */
  cannotEnlist: string | null
}

export interface PendingRequestList {
  rows: PendingRequestRow[]
  /** every request waiting, also those beyond the rows shown */
  total: number
}

export async function listPendingRequestRows(db: Db, limit = PENDING_REQUESTS_SHOWN): Promise<PendingRequestList> {
  const where = { state: 'PENDING' }
  const [master, total, requests] = await Promise.all([
    readMaster(db),
    db.enlistmentRequest.count({ where }),
    db.enlistmentRequest.findMany({
      where,
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: {
        id: true,
        name: true,
        location: true,
        agentVersion: true,
        keyFingerprint: true,
        sourceAddress: true,
        requestedAt: true,
        clockSkewMs: true,
        runAsAccount: true,
        encryptionMode: true,
      },
    }),
  ])
  const rows = requests.map(({ clockSkewMs, runAsAccount, encryptionMode, ...r }) => ({
    ...r,
    requestedAt: r.requestedAt.toISOString(),
    cannotEnlist: master
      ? (checkCompatibility({ ...r, clockSkewMs, runAsAccount, encryptionMode }, master.version).reason ?? null)
      : null,
  }))
  return { rows, total }
}
