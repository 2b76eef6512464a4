// What "nothing written" means for the hostile test: the row count of every table of the master's database, and
// the full content of the tables a refused request could have changed without adding a row.
import type { Db } from '../../lib/db/client'

/** rows a refused request could change in place: a token's uses, an account's failures and lock, a target's state */
const CONTENT_TABLES = ['users', 'enlistment_tokens', 'enlistment_requests', 'target_servers', 'revoked_certificates']

/** the gateway's memory of refused requests is written by design: the hostile test checks it apart */
export const REMEMBERED_REFUSALS = 'refused_requests'

const json = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v))

export async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )
  const result: Record<string, string> = {}
  for (const { name } of tables.filter((t) => t.name !== REMEMBERED_REFUSALS)) {
    const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${name}"`)
    result[`${name} rows`] = String(row?.n)
  }
  for (const name of CONTENT_TABLES)
    result[`${name} content`] = json(await db.$queryRawUnsafe(`SELECT * FROM "${name}" ORDER BY 1`))
  return result
}
