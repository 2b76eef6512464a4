// A bulk action on SQLite while another process records polls on the same database file, as a gateway worker
// does every few milliseconds: the action completes, and none of the other process's writes fails.
import { describe, expect, it } from 'vitest'
import { defectTargets } from '../../lib/msx/targets'
import { pollWriterProcess } from '../../scripts/bench/bulk-writers'
import { seedFleet, testDatabase } from '../support/fixtures'

const t = testDatabase()

describe('a bulk action beside another process writing', () => {
  it('force-defects 1,500 targets in three batches while poll batches keep being written', async () => {
    const names = await seedFleet(t.ctx.db, 'BUSY', 1500)
    await seedFleet(t.ctx.db, 'POLLER', 20)
    const pollers = await t.ctx.db.targetServer.findMany({ where: { nameKey: { startsWith: 'POLLER-' } } })
    const stopWriting = await pollWriterProcess(
      t.testDb.url,
      pollers.map((p) => p.id),
    )
    const result = await defectTargets(t.ctx, names, { force: true }).finally(async () => {
      const writer = await stopWriting()
      expect(writer.writes).toBeGreaterThan(0)
      expect(writer).toMatchObject({ failed: 0, timedOut: 0 })
    })
    expect(result.stopped).toBeUndefined()
    expect(result.done).toHaveLength(names.length)
    expect(await t.ctx.db.targetServer.count({ where: { nameKey: { startsWith: 'BUSY-' } } })).toBe(0)
  })
})
