// The missed-run worker of the master process: a check on start, and a clean stop.
import { describe, expect, it } from 'vitest'
import { createLogger } from '../lib/log'
import { acknowledgeInstructions } from '../lib/msx/acknowledgements'
import { createJob } from '../lib/msx/jobs'
import { enlist, testDatabase, uniqueName } from '../test/support/fixtures'
import { eventually } from '../test/support/processes'
import { startMissedRunChecker } from './missed-run-checker'

const t = testDatabase()
const MIN = 60_000

describe('the missed-run worker', () => {
  it('records a run missed ten minutes ago on its first check and stops cleanly', async () => {
    const target = await enlist(t.ctx, uniqueName())
    const due = new Date(Date.now() - 10 * MIN)
    const { job } = await createJob(t.ctx, {
      name: uniqueName('missed-worker-'),
      steps: [{ name: 'one', kind: 'cmdexec', command: 'true' }],
      schedules: [{ name: 'once', runAt: due.toISOString() }],
      targets: { servers: [target.name], groups: [] },
    })
    // as if the job had been made, and downloaded, before its due time, by a target that has not polled since
    await t.ctx.db.job.update({ where: { id: job.id }, data: { createdAt: new Date(due.getTime() - 30 * MIN) } })
    await t.ctx.db.downloadInstruction.updateMany({
      where: { objectId: job.id },
      data: { datePosted: new Date(due.getTime() - 30 * MIN) },
    })
    const unread = await t.ctx.db.downloadInstruction.findMany({ where: { targetId: target.id, status: 0 } })
    await acknowledgeInstructions(
      t.ctx.db,
      target.id,
      unread.map((i) => ({ id: i.id, ok: true })),
      new Date(due.getTime() - 20 * MIN),
    )
    await t.ctx.db.targetServer.update({
      where: { id: target.id },
      data: { lastPollAt: new Date(due.getTime() - 20 * MIN) },
    })

    const checker = startMissedRunChecker(t.ctx.db, createLogger('error'))
    const missed = await eventually(
      () => t.ctx.db.missedRun.findMany({ where: { jobId: job.id } }),
      (rows) => rows.length > 0,
    )
    await checker.stop()
    expect(missed).toEqual([expect.objectContaining({ targetName: target.name, reason: 'offline', dueAt: due })])
  })
})
