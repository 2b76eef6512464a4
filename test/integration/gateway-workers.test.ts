// MSX_GATEWAY_WORKERS=2, on SQLite and on PostgreSQL: the gateway as two worker processes sharing its port, each
// with its own memory of polls. Virtual targets spread over both; an instruction posted to all reaches every one,
// Force Poll answers at once and Force Defection is refused at the next request, whichever worker holds the
// target; the master stops them all with itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listTargets } from '../../lib/msx/target-list'
import { defectTarget } from '../../lib/msx/targets'
import { masterDatabase, type PgCluster, startPgCluster } from '../support/pg-cluster'
import { eventually, type Master, type Running, simulatedFleet, startMaster } from '../support/processes'

const COUNT = 20

describe.each(['sqlite', 'postgresql'] as const)('the gateway in two worker processes, on %s', (database) => {
  let master: Master
  let cluster: PgCluster | undefined
  let simulated: Running
  const prefix = `WORKER${database === 'sqlite' ? 'S' : 'P'}`

  beforeAll(async () => {
    cluster = database === 'postgresql' ? await startPgCluster() : undefined
    const url = cluster ? { DATABASE_URL: await masterDatabase(cluster) } : {}
    master = await startMaster({ MSX_GATEWAY_WORKERS: '2', ...url })
    const token = JSON.parse((await master.msxOk('token', 'create', '--json')).stdout).token as string
    simulated = simulatedFleet(master, { prefix, count: COUNT, token })
  })
  afterAll(async () => {
    await simulated?.stop()
    await master?.stop()
    await master?.db.$disconnect()
    cluster?.stop()
  })

  const fleet = async () => (await listTargets(master.db, { search: `${prefix}-`, pageSize: COUNT })).rows

  it('takes targets on both workers, and an instruction posted to all reaches every one', async () => {
    await eventually(fleet, (rows) => rows.length === COUNT && rows.every((t) => t.lastPolled !== null), 60_000)
    for (const worker of [1, 2])
      expect(master.process.output).toMatch(
        new RegExp(`enlisted ${prefix}-\\d+ with a token from 127\\.0\\.0\\.1 gatewayWorker=${worker}`),
      )
    await master.msxOk('post', 'SET-POLL', '--value', '45', '--all')
    const rows = await eventually(fleet, (r) =>
      r.every((t) => t.pollIntervalSeconds === 45 && t.unreadInstructions === 0),
    )
    expect(rows).toHaveLength(COUNT)
  })

  it('answers Force Poll at once, and refuses force-defected targets at their next request, on either worker', async () => {
    const names = (await fleet()).map((t) => t.name)
    const asked = new Date()
    await master.msxOk('force-poll', ...names)
    await eventually(fleet, (rows) => rows.every((t) => t.lastPolled !== null && new Date(t.lastPolled) >= asked))
    const ctx = { db: master.db, actor: { name: 'integration', address: 'test' } }
    for (const name of names) await defectTarget(ctx, name, { force: true })
    const refused = await eventually(
      () =>
        master.db.refusedRequest.findMany({
          where: { reason: 'certificate_revoked', nameKey: { startsWith: `${prefix}-` } },
        }),
      (rows) => new Set(rows.map((r) => r.nameKey)).size === COUNT,
      30_000,
    )
    expect(new Set(refused.map((r) => r.nameKey))).toEqual(new Set(names))
  })

  it('stops with its workers when the master stops', async () => {
    const stopped = await master.stop()
    expect(stopped.code).toBe(0)
    for (const worker of [1, 2]) expect(stopped.stdout).toContain(`INFO  stopped gatewayWorker=${worker}`)
  })
})
