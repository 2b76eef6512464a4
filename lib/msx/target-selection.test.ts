import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { addGroupMembers, createGroup } from './groups'
import { listTargets } from './target-list'
import { MAX_MATCHING_TARGETS, selectedTargetNames, targetNamesMatching } from './target-selection'
import { defectTarget } from './targets'

const t = testDatabase()

describe('the targets a filter matches', () => {
  it('are every target the list shows for that filter, across all its pages', async () => {
    for (const n of [1, 2, 3, 4, 5]) await enlist(t.ctx, `SEL-WEB${n}`, { location: n % 2 ? 'Rack 1' : 'Rack 2' })
    await enlist(t.ctx, 'SEL-DB1', { location: 'Rack 1' })
    const filter = { search: 'sel-web' }
    const page1 = await listTargets(t.ctx.db, { ...filter, pageSize: 2 })
    expect(page1.total).toBe(5)
    expect(await targetNamesMatching(t.ctx.db, filter)).toEqual([
      'SEL-WEB1',
      'SEL-WEB2',
      'SEL-WEB3',
      'SEL-WEB4',
      'SEL-WEB5',
    ])
    expect(await targetNamesMatching(t.ctx.db, { search: 'Rack 2' })).toEqual(['SEL-WEB2', 'SEL-WEB4'])
  })

  it('follow the group and status filters too', async () => {
    await enlist(t.ctx, 'GRP-A')
    await enlist(t.ctx, 'GRP-B')
    await createGroup(t.ctx, 'SelectionGroup')
    await addGroupMembers(t.ctx, 'SelectionGroup', ['GRP-B'])
    expect(await targetNamesMatching(t.ctx.db, { group: 'selectiongroup' })).toEqual(['GRP-B'])
    // enlisted, but no agent has polled for them yet
    const pending = await targetNamesMatching(t.ctx.db, { search: 'GRP-', status: 'Pending enlistment' })
    expect(pending).toEqual(['GRP-A', 'GRP-B'])
    expect(await targetNamesMatching(t.ctx.db, { search: 'GRP-', status: 'Normal' })).toEqual([])
  })

  it('leave out defecting targets when asked, as posting to all target servers does', async () => {
    await enlist(t.ctx, 'DEF-KEEP')
    await enlist(t.ctx, 'DEF-GOING')
    await defectTarget(t.ctx, 'DEF-GOING')
    expect(await targetNamesMatching(t.ctx.db, { search: 'DEF-' })).toEqual(['DEF-GOING', 'DEF-KEEP'])
    expect(await targetNamesMatching(t.ctx.db, { search: 'DEF-' }, { exceptDefecting: true })).toEqual(['DEF-KEEP'])
  })

  it('a selection by name stays as chosen; one by a filter that matches nothing is refused', async () => {
    expect(await selectedTargetNames(t.ctx.db, { names: ['X1', 'X2'] })).toEqual(['X1', 'X2'])
    await expect(selectedTargetNames(t.ctx.db, { matching: { search: 'NOTHING-MATCHES' } })).rejects.toThrow(
      'No target server matches the filter any more: nothing was done.',
    )
  })

  it('is capped (at 100,000 by default), with a message that says to narrow the filter', async () => {
    expect(MAX_MATCHING_TARGETS).toBe(100_000)
    await expect(targetNamesMatching(t.ctx.db, { search: 'SEL-WEB' }, { limit: 4 })).rejects.toThrow(
      '5 target servers match: at most 4 can be acted on at once. Narrow the search, status or group filter.',
    )
  })
})
