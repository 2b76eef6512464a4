// The requests waiting for a decision, as the dashboard and the CLI show them: JSON-ready, without the CSR (it
// can be 20 kB each and no one reads it), the oldest first and at most a screenful more than anyone decides at once.
import 'server-only'
import type { Db } from '../db/client'

export const PENDING_REQUESTS_SHOWN = 200

export interface PendingRequestRow {
  id: number
  name: string
  location: string
  agentVersion: string
  keyFingerprint: string
  sourceAddress: string
  requestedAt: string
}

export interface PendingRequestList {
  rows: PendingRequestRow[]
  /** every request waiting, also those beyond the rows shown */
  total: number
}

export async function listPendingRequestRows(db: Db, limit = PENDING_REQUESTS_SHOWN): Promise<PendingRequestList> {
  const where = { state: 'PENDING' }
  const [total, requests] = await Promise.all([
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
      },
    }),
  ])
  return { rows: requests.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() })), total }
}
