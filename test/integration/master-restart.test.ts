// A master restarted under a connected fleet: 200 virtual targets long-polling, an instruction and a job start
// posted to all of them just before the stop. After the restart every target has the instruction once and every
// run's outcome is stored once: nothing lost, nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJob } from '../../lib/msx/jobs'
import { listTargets } from '../../lib/msx/target-list'
import { eventually, type Master, simulatedFleet, startMaster, stopAll } from '../support/processes'

const COUNT = 200
/** above the master's restart and the targets' backoff (up to 60 s) together, on a loaded machine */
const RESTART_TEST_LIMIT_MS = 240_000
let master: Master

beforeAll(async () => {
  master = await startMaster()
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
})

async function fleet() {
  return (await listTargets(master.db, { search: 'RESTART-', pageSize: COUNT })).rows
}

describe('a master restarted under 200 connected targets', () => {
  it(
    'loses no instruction and no outcome posted just before it stopped, and delivers each once',
    async () => {
      const token = JSON.parse((await master.msxOk('token', 'create', '--json')).stdout).token as string
      const simulated = simulatedFleet(master, { prefix: 'RESTART', count: COUNT, token })
      await eventually(fleet, (rows) => rows.length === COUNT && rows.every((t) => t.lastPolled !== null), 120_000)
      await createJob(
        { db: master.db, actor: { name: 'integration', address: 'test' } },
        {
          name: 'across-restart',
          steps: [
            { name: 'one', kind: 'cmdexec', command: 'echo one' },
            { name: 'two', kind: 'cmdexec', command: 'echo two' },
          ],
          targets: { servers: (await fleet()).map((t) => t.name), groups: [] },
        },
      )
      await eventually(
        () =>
          master.db.downloadInstruction.count({
            where: { operation: 'INSERT', objectName: 'across-restart', status: 1 },
          }),
        (n) => n === COUNT,
        60_000,
      )

      await master.msxOk('post', 'SET-POLL', '--value', '47', '--all')
      await master.msxOk('post', 'START', '--job', 'across-restart', '--all')
      await master.restart()

      const rows = await eventually(
        fleet,
        (r) => r.every((t) => t.pollIntervalSeconds === 47 && t.unreadInstructions === 0),
        120_000,
      )
      expect(rows).toHaveLength(COUNT)
      const setPolls = await master.db.downloadInstruction.groupBy({
        by: ['status'],
        where: { operation: 'SET-POLL', value: '47' },
        _count: true,
      })
      expect(setPolls).toEqual([{ status: 1, _count: COUNT }])
      // two steps and the job's own outcome per target, each stored once
      const stored = await eventually(
        () => master.db.jobHistory.count({ where: { jobName: 'across-restart' } }),
        (n) => n >= COUNT * 3,
        120_000,
      )
      expect(stored).toBe(COUNT * 3)
      const runs = await master.db.jobHistory.findMany({
        where: { jobName: 'across-restart', stepNumber: 0 },
        select: { targetId: true, runId: true, runStatus: true },
      })
      expect(new Set(runs.map((r) => r.targetId)).size).toBe(COUNT)
      expect(runs.every((r) => r.runStatus === 1)).toBe(true)
      expect((await simulated.stop()).code).toBe(0)
    },
    RESTART_TEST_LIMIT_MS,
  )
})
