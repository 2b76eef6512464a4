import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { listGroupRows } from './group-list'
import { addGroupMembers, createGroup } from './groups'

const t = testDatabase()

describe('the group list', () => {
  it('lists groups by name with their member counts, dates as ISO strings', async () => {
    const [a, b] = [uniqueName(), uniqueName()]
    await enlist(t.ctx, a)
    await enlist(t.ctx, b)
    await createGroup(t.ctx, 'Web')
    await createGroup(t.ctx, 'Accounting')
    await addGroupMembers(t.ctx, 'web', [a, b])
    const { rows } = await listGroupRows(t.ctx.db)
    expect(rows.map((r) => [r.name, r.members, r.jobs])).toEqual([
      ['Accounting', 0, 0],
      ['Web', 2, 0],
    ])
    expect(rows[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/)
  })
})
