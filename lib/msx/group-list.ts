// Target server groups as the dashboard lists them: JSON-ready, with their member and job counts.
import 'server-only'
import type { Db } from '../db/client'
import { listGroups } from './groups'

export interface GroupRow {
  id: number
  name: string
  members: number
  jobs: number
  createdAt: string
}

export interface GroupList {
  rows: GroupRow[]
}

export async function listGroupRows(db: Db): Promise<GroupList> {
  const groups = await listGroups(db)
  return { rows: groups.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() })) }
}
