// Raw SQL for the few statements Prisma's query API makes too slow (bulk inserts of thousands of rows).
import { Prisma } from '../../generated/sqlite/client'
import { providerOf, type Tx } from './client'

export const sql = Prisma.sql
export const join = Prisma.join
export type Sql = Prisma.Sql

/**
 * A timestamp parameter usable in a SELECT list. PostgreSQL types such a parameter as text, so it is cast;
 * SQLite stores Prisma's DateTime as ISO text and takes the parameter as it is (a CAST there would turn it into a number).
 */
export function timestamp(client: Tx, value: Date | null): Sql {
  return providerOf(client) === 'postgresql' ? sql`CAST(${value} AS TIMESTAMP(3))` : sql`${value}`
}

/** A timestamp parameter compared with a DateTime column: SQLite keeps those as ISO text with "+00:00". */
export function timestampOperand(client: Tx, value: Date): Sql {
  return providerOf(client) === 'postgresql'
    ? timestamp(client, value)
    : sql`${value.toISOString().replace('Z', '+00:00')}`
}

/** Splits a long id list so one statement stays within both databases' limits on bound parameters. */
export function chunks<T>(items: T[], size = 5000): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
