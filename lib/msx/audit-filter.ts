// Which activity entries a query selects, as one SQL condition for both databases. Prisma's string filters do
// not serve here: they are LIKE without escaping (the "_" of a server name would match any character) and
// case-sensitive on PostgreSQL.
import 'server-only'
import { providerOf, type Tx } from '../db/client'
import { join, type Sql, sql, timestampOperand } from '../db/sql'

export interface AuditFilter {
  search?: string
  actor?: string
  action?: string
  target?: string
  result?: 'success' | 'failure'
  /** ISO date and time, inclusive */
  from?: string
  /** ISO date and time, inclusive */
  to?: string
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** `column` matches a LIKE pattern whatever the case (ASCII only on SQLite); `%` is the only wildcard used. */
function like(client: Tx, column: Sql, pattern: string): Sql {
  return providerOf(client) === 'postgresql'
    ? sql`${column} ILIKE ${pattern} ESCAPE '\\'`
    : sql`${column} LIKE ${pattern} ESCAPE '\\'`
}

const at = (client: Tx, iso: string): Sql => timestampOperand(client, new Date(iso))

/**
 * Entries that name a target server, matched as a whole name whatever its case: the object itself, a name in
 * a list summarised as "A, B, C and 3 more", or a JSON string in the details (bulk entries keep every name
 * there, under targetNames). Bulk entries recorded before targetNames existed are found by their first names only.
 */
function namesTarget(client: Tx, name: string): Sql {
  const plain = escapeLike(name)
  const json = escapeLike(JSON.stringify(name).slice(1, -1))
  const objectName = sql`object_name`
  const details = sql`details`
  const patterns: [Sql, string][] = [
    [objectName, plain],
    [objectName, `${plain}, %`],
    [objectName, `%, ${plain}, %`],
    [objectName, `%, ${plain}`],
    [objectName, `%, ${plain} and % more`],
    [details, `%"${json}"%`],
    [details, `%"${json}, %`],
    [details, `%, ${json}, %`],
    [details, `%, ${json}"%`],
    [details, `%, ${json} and % more"%`],
  ]
  return sql`(${join(
    patterns.map(([column, pattern]) => like(client, column, pattern)),
    ' OR ',
  )})`
}

export function auditCondition(client: Tx, filter: AuditFilter): Sql {
  const conditions: Sql[] = [sql`1 = 1`]
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`
    conditions.push(sql`(${like(client, sql`object_name`, pattern)} OR ${like(client, sql`details`, pattern)})`)
  }
  if (filter.actor) conditions.push(sql`actor = ${filter.actor}`)
  if (filter.action) conditions.push(sql`action LIKE ${`${escapeLike(filter.action)}%`} ESCAPE '\\'`)
  if (filter.target) conditions.push(namesTarget(client, filter.target))
  if (filter.result) conditions.push(sql`result = ${filter.result}`)
  if (filter.from) conditions.push(sql`at >= ${at(client, filter.from)}`)
  if (filter.to) conditions.push(sql`at <= ${at(client, filter.to)}`)
  return join(conditions, ' AND ')
}
