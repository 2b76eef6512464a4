// The two lists of the wizard's Target servers step, as SSMS's Master Server Wizard has them: pending
// enlistment requests still to choose, and those chosen to enlist. JSON-ready; each list shows the oldest first.
import 'server-only'
import type { Db } from '../db/client'

/** At most this many rows of each list are shown; > and >> still act on every request. */
export const WIZARD_LIST_SHOWN = 200

export interface WizardRequestRow {
  name: string
  location: string
  agentVersion: string
  sourceAddress: string
  requestedAt: string
}

export interface WizardRequestList {
  rows: WizardRequestRow[]
  total: number
}

export interface WizardRequestLists {
  available: WizardRequestList
  chosen: WizardRequestList
}

async function list(db: Db, chosen: boolean): Promise<WizardRequestList> {
  const where = { state: 'PENDING', wizardChosenAt: chosen ? { not: null } : null }
  const [total, rows] = await Promise.all([
    db.enlistmentRequest.count({ where }),
    db.enlistmentRequest.findMany({
      where,
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      take: WIZARD_LIST_SHOWN,
      select: { name: true, location: true, agentVersion: true, sourceAddress: true, requestedAt: true },
    }),
  ])
  return { total, rows: rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() })) }
}

export async function listWizardRequests(db: Db): Promise<WizardRequestLists> {
  const [available, chosen] = await Promise.all([list(db, false), list(db, true)])
  return { available, chosen }
}
