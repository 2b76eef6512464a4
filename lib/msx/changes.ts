// Change notices: written in the transaction of the change they announce, so a browser told about a change reads
// it committed, and so every master process sees them (it watches for new rows; on PostgreSQL a NOTIFY at commit
// wakes it at once).
import 'server-only'
import { type Db, providerOf, type Tx } from '../db/client'
import type { ChangeTopic } from '../query/change-topics'

export const CHANGE_CHANNEL = 'msx_changes'
/** long enough for every process to have read a notice; a browser that missed one has its timed refresh */
const KEEP_NOTICES_MS = 10 * 60_000

/** Announces that the views of these topics changed. */
export async function noteChange(tx: Tx, topics: readonly ChangeTopic[]) {
  if (topics.length === 0) return
  await tx.changeNotice.create({ data: { topics: [...new Set(topics)].join(',') } })
  if (providerOf(tx) === 'postgresql') await tx.$executeRawUnsafe(`SELECT pg_notify('${CHANGE_CHANNEL}', '')`)
}

/** The newest notice's id: a process starts watching after it. */
export async function latestChangeId(db: Db) {
  const row = await db.changeNotice.findFirst({ orderBy: { id: 'desc' }, select: { id: true } })
  return row?.id ?? 0
}

/** The notices written after `afterId`, with the topics they name together. */
export async function changesSince(db: Db, afterId: number) {
  const rows = await db.changeNotice.findMany({
    where: { id: { gt: afterId } },
    select: { id: true, topics: true },
    orderBy: { id: 'asc' },
  })
  const topics = new Set(rows.flatMap((row) => row.topics.split(',')))
  return { lastId: rows.at(-1)?.id ?? afterId, topics: [...topics] as ChangeTopic[] }
}

export async function pruneChangeNotices(db: Db, now = new Date()) {
  const { count } = await db.changeNotice.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - KEEP_NOTICES_MS) } },
  })
  return count
}
