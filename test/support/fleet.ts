import type { Db } from '../../lib/db/client'
import { timestamp } from '../../lib/db/sql'
import { MASTER_VERSION } from '../../lib/msx/versions'

/**
 * Inserts `count` enlisted targets named PREFIX-1 ... PREFIX-count in one statement (a fleet for tests of
 * scale; enlisting them one by one through the rules would take minutes). Returns their names.
 */
export async function seedFleet(db: Db, prefix: string, count: number): Promise<string[]> {
  const now = new Date()
  const later = new Date(now.getTime() + 3_600_000)
  await db.$executeRaw`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    INSERT INTO target_servers (name, name_key, location, time_zone_offset_minutes, state, enlisted_at, enlisted_by,
      poll_interval_seconds, suspect_offline_at, agent_version, encryption_mode, spool_depth, updated_at)
    SELECT ${`${prefix}-`} || CAST(i AS TEXT), ${`${prefix.toUpperCase()}-`} || CAST(i AS TEXT), '', 0, 'ENLISTED',
      ${timestamp(db, now)}, 'seed', 60, ${timestamp(db, later)}, ${MASTER_VERSION}, 'strict', 0, ${timestamp(db, now)}
    FROM n`
  return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`)
}
