// Wake-ups for the agent gateway, across processes: a signal row (which it watches), and on PostgreSQL a
// NOTIFY that reaches every master process at commit.
import 'server-only'
import { providerOf, type Tx } from '../db/client'
import { chunks, join, timestamp } from '../db/sql'

export const AGENT_SIGNAL_CHANNEL = 'msx_agents'

/**
 * Asks the gateway to let these targets act at once (their long polls answer); ids of targets that no longer
 * exist are left out. INSERT ... SELECT: Prisma's createMany writes such rows one by one.
 */
export async function signalTargets(tx: Tx, targetIds: number[], reason: string) {
  for (const ids of chunks(targetIds))
    await tx.$executeRaw`
      INSERT INTO agent_signals (target_id, reason, created_at)
      SELECT t.id, ${reason}, ${timestamp(tx, new Date())} FROM target_servers t WHERE t.id IN (${join(ids)})`
  await notifyGateway(tx)
}

/** On PostgreSQL, wakes every gateway process when the transaction commits; elsewhere the gateway polls. */
export async function notifyGateway(tx: Tx) {
  if (providerOf(tx) === 'postgresql') await tx.$executeRawUnsafe(`SELECT pg_notify('${AGENT_SIGNAL_CHANNEL}', '')`)
}
