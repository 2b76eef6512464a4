// A fleet in the shapes the Target Server Status list filters and sorts on, in a fresh SQLite database: racks
// for the search, a group of a quarter of the targets, polls at varied times with varied clock skew (some long
// silent: suspected offline), a few blocked by an instruction in error, defecting, re-synchronizing or pending
// enlistment, one unread SET-POLL each.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDb, type Db } from '../../lib/db/client'
import { migrateDeploy } from '../../lib/db/migrate'
import { acknowledgeMany } from '../../lib/msx/acknowledgements'
import type { MsxContext } from '../../lib/msx/context'
import { approveEnlistmentRequests, submitEnlistmentRequest } from '../../lib/msx/enlistment-requests'
import { addGroupMembers, createGroup } from '../../lib/msx/groups'
import { ensureMaster } from '../../lib/msx/master'
import { recordPolls } from '../../lib/msx/polls'
import { postOperation } from '../../lib/msx/post-operation'
import { resynchronizeTarget } from '../../lib/msx/resync'
import { defectTarget } from '../../lib/msx/targets'
import { MASTER_VERSION } from '../../lib/msx/versions'
import { seedFleet } from '../../test/support/fleet'

export const FLEET_PREFIX = 'FLEET'
export const FLEET_GROUP = 'EUROPE'

export interface ListFleet {
  db: Db
  /** the database's URL, for a master started on it */
  url: string
  targets: number
  close(): Promise<void>
}

/** Every `n`th of the names, starting with the `offset`th. */
const every = (names: string[], n: number, offset = 0) => names.filter((_, i) => i % n === offset)

export async function createListFleet(targets: number): Promise<ListFleet> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-bench-list-'))
  const url = `file:${path.join(dir, 'msx.db')}`
  await migrateDeploy(url)
  const db = await createDb(url)
  await ensureMaster(db, 'MSXBENCH')
  const ctx: MsxContext = { db, actor: { name: 'bench', address: 'loopback' } }
  // one in 250 (at least one) asked to enlist and was approved: pending until its agent collects its certificate
  const pending = Math.max(1, Math.floor(targets / 250))
  const names = await seedFleet(db, FLEET_PREFIX, targets - pending)
  await db.$executeRaw`UPDATE target_servers SET location = 'Rack ' || CAST(id % 40 AS TEXT)`

  const byName = new Map(
    (await db.targetServer.findMany({ select: { id: true, name: true } })).map((t) => [t.name, t.id]),
  )
  const now = Date.now()
  await recordPolls(
    db,
    names.map((name, i) => {
      // one in 12 silent for an hour: more than 3 x its 60 s interval
      const at = new Date(now - (i % 12 === 5 ? 3_600_000 : (i % 50) * 1000))
      const clockSkewMs = ((i * 37) % 400) - 200
      return {
        targetId: byName.get(name) ?? 0,
        at,
        localTime: new Date(at.getTime() + clockSkewMs),
        clockSkewMs,
        spoolDepth: i % 7,
        spoolOldestAt: null,
        pollIntervalSeconds: 60,
        sample: false,
      }
    }),
  )
  await createGroup(ctx, FLEET_GROUP)
  await addGroupMembers(ctx, FLEET_GROUP, every(names, 4))
  await postOperation(ctx, { operation: 'SET-POLL', value: 60, recipients: { all: true } })

  const blocked = every(names, 50, 7)
  if (blocked.length > 0) {
    await postOperation(ctx, { operation: 'SYNC-TIME', recipients: { targets: blocked } })
    const failed = await db.downloadInstruction.findMany({
      where: { operation: 'SYNC-TIME' },
      select: { id: true, targetId: true },
    })
    await acknowledgeMany(
      db,
      failed.map((f) => ({ targetId: f.targetId ?? 0, acks: [{ id: f.id, ok: false, error: 'Proxy not found.' }] })),
    )
  }
  for (const name of every(names, 250, 3)) await defectTarget(ctx, name)
  for (const name of every(names, 250, 1)) await resynchronizeTarget(ctx, name)
  const asking = Array.from({ length: pending }, (_, i) => `${FLEET_PREFIX}-${names.length + i + 1}`)
  for (const name of asking)
    await submitEnlistmentRequest(db, {
      name,
      location: 'Rack 0',
      agentVersion: MASTER_VERSION,
      keyFingerprint: `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`,
      sourceAddress: '10.0.0.1',
    })
  await approveEnlistmentRequests(ctx, asking)

  return {
    db,
    url,
    targets,
    close: async () => {
      await db.$disconnect()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
