// What became of a run's notifications, for its job history: per target and channel, sent (when, with the answer),
// pending (the next attempt), or failed (the last error and the attempts made).
import 'server-only'
import type { JobNotification } from '../../generated/sqlite/client'
import type { Db } from '../db/client'
import type { NotifyChannel } from './notification-rules'

export interface RunNotification {
  targetName: string
  channel: NotifyChannel
  state: 'PENDING' | 'SENT' | 'FAILED'
  attempts: number
  sentAt: Date | null
  /** the mail server's or receiver's answer to the delivery */
  answer: string | null
  lastError: string | null
  /** while pending: when it is tried (again) */
  nextAttemptAt: Date | null
}

const ORDER: Record<string, number> = { email: 0, pager: 1, webhook: 2 }

export async function notificationsOfRun(db: Db, runId: string): Promise<RunNotification[]> {
  return (await notificationsOfRuns(db, [runId])).get(runId) ?? []
}

/** The same for a page of runs, in one query: run id to its notifications (runs without any are left out). */
export async function notificationsOfRuns(db: Db, runIds: string[]): Promise<Map<string, RunNotification[]>> {
  const rows = await db.jobNotification.findMany({ where: { runId: { in: runIds } }, orderBy: { id: 'asc' } })
  const byRun = new Map<string, RunNotification[]>()
  for (const r of rows) {
    const list = byRun.get(r.runId) ?? []
    list.push(view(r))
    byRun.set(r.runId, list)
  }
  for (const list of byRun.values())
    list.sort((a, b) => a.targetName.localeCompare(b.targetName) || (ORDER[a.channel] ?? 0) - (ORDER[b.channel] ?? 0))
  return byRun
}

function view(r: JobNotification): RunNotification {
  return {
    targetName: r.targetName,
    channel: r.channel as NotifyChannel,
    state: r.state as RunNotification['state'],
    attempts: r.attempts,
    sentAt: r.sentAt,
    answer: r.answer,
    lastError: r.lastError,
    nextAttemptAt: r.state === 'PENDING' ? r.nextAttemptAt : null,
  }
}
