// The master on PostgreSQL: migrated at start, and a wake-up from another process (NOTIFY) reaching a
// long-polling agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { masterDatabase, type PgCluster, startPgCluster } from '../support/pg-cluster'
import {
  agentProcess,
  agentStatus,
  enlistAgent,
  eventually,
  type Master,
  startMaster,
  stopAll,
} from '../support/processes'

let cluster: PgCluster
let master: Master

beforeAll(async () => {
  cluster = await startPgCluster()
  master = await startMaster({ DATABASE_URL: await masterDatabase(cluster) })
})
afterAll(async () => {
  await master?.db.$disconnect()
  await stopAll()
  cluster?.stop()
})

describe('a master on PostgreSQL', () => {
  it('enlists an agent and wakes its long poll for an instruction posted by the msx CLI', async () => {
    const dataDir = await enlistAgent(master, 'PGT1')
    const run = agentProcess(dataDir, ['run'])
    await run.waitFor(/polling master MSX1/)
    await master.msxOk('post', 'SET-POLL', '--value', '600', '--target', 'PGT1')
    await run.waitFor(/polling interval set to 600 s/)
    await master.msxOk('post', 'SET-POLL', '--value', '590', '--target', 'PGT1')
    await run.waitFor(/polling interval set to 590 s/)
    const status = await eventually(
      () => agentStatus(dataDir),
      (s) => s.pollIntervalSeconds === 590,
    )
    expect(status.state).toBe('enlisted')
    const target = await master.db.targetServer.findUnique({ where: { nameKey: 'PGT1' } })
    expect(target?.pollIntervalSeconds).toBe(590)
  })
})
