// Any URL a browser can send to a list page (a stale link, a hand-edited one, a fuzzer): the page reads a valid
// query from it, dropping what it cannot use, and the list it asks the database for is answered; never an
// exception (a 500). Query strings are made by fast-check from each list's own parameter names and values
// near the valid ones, and from anything at all.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { testDatabase } from '../../test/support/fixtures'
import { auditListQuery, listAuditEvents } from '../msx/audit-list'
import { instructionListQuery, listInstructions } from '../msx/instructions'
import { jobListQuery, listJobRows } from '../msx/job-table'
import { listRunningJobs, runningQuery } from '../msx/jobs-running'
import { listTargets, targetListQuery } from '../msx/target-list'
import { readQuery } from './url'

const t = testDatabase()

type Lister = (query: never) => Promise<unknown>
const LISTS: [string, z.ZodObject, (db: typeof t.ctx.db) => Lister][] = [
  ['Target Server Status', targetListQuery, (db) => (q) => listTargets(db, q)],
  ['Jobs', jobListQuery, (db) => (q) => listJobRows(db, q)],
  ['Running now', runningQuery, (db) => (q) => listRunningJobs(db, q)],
  ['Download Instructions', instructionListQuery, (db) => (q) => listInstructions(db, q)],
  ['Activity', auditListQuery as unknown as z.ZodObject, (db) => (q) => listAuditEvents(db, q)],
]

/** the values an enum parameter takes, found through its optional and default wrappers */
function enumValues(field: unknown, depth = 0): string[] {
  const f = field as { options?: unknown[]; unwrap?: () => unknown }
  if (Array.isArray(f.options)) return f.options.filter((o): o is string => typeof o === 'string')
  return depth < 3 && typeof f.unwrap === 'function' ? enumValues(f.unwrap(), depth + 1) : []
}

const NEAR_VALID = ['1', '0', '-1', '2', '1e3', '99999999999', 'NaN', ' ', '%', "'", '"; DROP TABLE x', '\u0000']
const DATES = fc.date({ noInvalidDate: true }).map((d) => d.toISOString())

function queryStrings(schema: z.ZodObject) {
  const keys = Object.keys(schema.shape)
  const enums = keys.flatMap((key) => enumValues(schema.shape[key]))
  const value = fc.oneof(
    fc.constantFrom(...NEAR_VALID, ...enums),
    fc.string({ maxLength: 40 }),
    fc.integer().map(String),
    DATES,
  )
  return fc.dictionary(
    fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })),
    fc.oneof(value, fc.array(value, { maxLength: 3 })),
    {
      maxKeys: keys.length + 2,
    },
  )
}

describe('a list page, given any query string', () => {
  for (const [page, schema, lister] of LISTS)
    it(`${page}: reads a valid query from it and the database answers it`, async () => {
      await fc.assert(
        fc.asyncProperty(queryStrings(schema), async (raw) => {
          const query = readQuery(schema, raw)
          expect(schema.safeParse(query).success).toBe(true)
          await lister(t.ctx.db)(query as never)
        }),
        // found so: a NUL in the search reached PostgreSQL, which refuses it (a 500)
        { numRuns: 80, examples: [[{ search: ['\u0000'] }], [{ search: 'a\u0000b', status: 'Normal' }]] },
      )
    })
})
