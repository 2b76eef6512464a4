// What waits for a target server to download: how many instructions, and the first one in error that blocks the
// rest (msx-agent doctor's certificate standing, and the master's diagnosis of a target).
import 'server-only'
import type { Db } from '../db/client'

export async function downloadBacklogOf(db: Db, targetId: number) {
  const [pendingInstructions, blocking] = await Promise.all([
    db.downloadInstruction.count({ where: { targetId, status: 0 } }),
    db.downloadInstruction.findFirst({
      where: { targetId, errorMessage: { not: null } },
      orderBy: { id: 'asc' },
      select: { id: true, errorMessage: true },
    }),
  ])
  return { pendingInstructions, blocking }
}
