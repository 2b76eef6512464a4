import { describe, expect, it } from 'vitest'
import { testDatabase, uniqueName } from '../../test/support/fixtures'
import { pruneAuditEvents } from './audit-retention'

const t = testDatabase()
const DAY_MS = 24 * 60 * 60 * 1000

describe('the activity log retention', () => {
  it('deletes the entries older than the retention, in batches, and keeps the rest', async () => {
    const now = new Date('2000-06-15T12:00:00.000Z') // before anything else in the database
    const daysAgo = (days: number, ms = 0) => new Date(now.getTime() - days * DAY_MS + ms)
    const action = uniqueName('test.retention.')
    const entry = (objectName: string, at: Date) => ({ actor: 'admin', action, objectType: 'target', objectName, at })
    await t.ctx.db.auditEvent.createMany({
      data: [
        ...Array.from({ length: 7 }, (_, i) => entry(`old${i}`, daysAgo(400 + i))),
        entry('just-too-old', daysAgo(30, -1)),
        entry('exactly-30-days', daysAgo(30)),
        entry('recent', daysAgo(1)),
        entry('future', daysAgo(-1)),
      ],
    })

    expect(await pruneAuditEvents(t.ctx.db, 30, now, 3)).toBe(8)

    const left = await t.ctx.db.auditEvent.findMany({ where: { action }, orderBy: { at: 'asc' } })
    expect(left.map((e) => e.objectName)).toEqual(['exactly-30-days', 'recent', 'future'])
    expect(await pruneAuditEvents(t.ctx.db, 30, now, 3)).toBe(0)
  })
})
