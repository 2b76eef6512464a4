import { describe, expect, it } from 'vitest'
import { enlist, seedFleet, testDatabase } from '../../test/support/fixtures'
import { recountedSummaries, storedSummaries } from '../../test/support/job-summaries'
import { providerOf } from '../db/client'
import { acknowledgeInstructions } from './acknowledgements'
import { listAuditEvents } from './audit-list'
import { isMsxError } from './errors'
import { createJob } from './jobs'
import { postOperation } from './post-operation'
import { resynchronizeTarget, resynchronizeTargets } from './resync'
import { batchReport, TARGETS_PER_BATCH } from './target-batches'
import { diagnosisFacts } from './target-diagnosis-facts'
import { defectTarget, defectTargets } from './targets'

const t = testDatabase()

const step = { name: 'work', kind: 'cmdexec' as const, command: 'echo done' }

/** Six targets holding two jobs (the first two have acknowledged theirs), each with a SET-POLL waiting. */
async function smallFleet(prefix: string) {
  const names = [1, 2, 3, 4, 5, 6].map((i) => `${prefix}-${i}`)
  for (const name of names) await enlist(t.ctx, name, { certFingerprint: `fp-${name}` })
  await createJob(t.ctx, { name: `${prefix}-every`, steps: [step], targets: { servers: names, groups: [] } })
  await createJob(t.ctx, { name: `${prefix}-half`, steps: [step], targets: { servers: names.slice(0, 3), groups: [] } })
  for (const name of names.slice(0, 2)) {
    const target = await t.ctx.db.targetServer.findFirstOrThrow({ where: { name } })
    const waiting = await t.ctx.db.downloadInstruction.findMany({ where: { targetId: target.id, status: 0 } })
    await acknowledgeInstructions(
      t.ctx.db,
      target.id,
      waiting.map((i) => ({ id: i.id, ok: true })),
    )
  }
  await postOperation(t.ctx, { operation: 'SET-POLL', value: 90, recipients: { targets: names } })
  return names
}

/** What a fleet's targets, download lists, revocations and holdings look like, its prefix left out. */
async function snapshot(prefix: string) {
  const strip = (text: string | null) => text?.replaceAll(prefix, '*') ?? null
  const db = t.ctx.db
  const from = { startsWith: `${prefix}-` }
  const targets = await db.targetServer.findMany({ where: { name: from }, orderBy: { name: 'asc' } })
  const instructions = await db.downloadInstruction.findMany({
    where: { targetName: from },
    orderBy: [{ targetName: 'asc' }, { id: 'asc' }],
  })
  const revoked = await db.revokedCertificate.findMany({ where: { targetName: from }, orderBy: { targetName: 'asc' } })
  const holdings = await db.jobServer.findMany({
    where: { target: { name: from } },
    select: { heldVersion: true, job: { select: { name: true } }, target: { select: { name: true } } },
  })
  return {
    targets: targets.map((row) => [strip(row.name), row.state]),
    instructions: instructions.map((i) => [
      strip(i.targetName),
      i.operation,
      i.objectType,
      strip(i.objectName),
      i.value,
      i.status,
      i.jobVersion,
      i.targetId === null,
    ]),
    revoked: revoked.map((r) => [strip(r.targetName), strip(r.fingerprint), r.reason]),
    holdings: holdings.map((h) => [strip(h.target.name), strip(h.job.name), h.heldVersion]).sort(),
  }
}

async function eachAlone(names: string[], act: (name: string) => Promise<unknown>) {
  const refused: string[] = []
  for (const name of names)
    await act(name).catch((error: unknown) => {
      if (!isMsxError(error)) throw error
      refused.push(`${name}: ${error.message}`)
    })
  return refused
}

const actions = {
  defect: {
    alone: (name: string) => defectTarget(t.ctx, name),
    together: (names: string[]) => defectTargets(t.ctx, names),
  },
  'force defection': {
    alone: (name: string) => defectTarget(t.ctx, name, { force: true }),
    together: (names: string[]) => defectTargets(t.ctx, names, { force: true }),
  },
  're-synchronize': {
    alone: (name: string) => resynchronizeTarget(t.ctx, name),
    together: (names: string[]) => resynchronizeTargets(t.ctx, names),
  },
}

describe('acting on many target servers at once', () => {
  it.each(Object.entries(actions))('%s leaves the same as doing it target by target', async (label, action) => {
    const [alone, together] = [`${label.charAt(0).toUpperCase()}SOLO`, `${label.charAt(0).toUpperCase()}BULK`]
    const aloneNames = await smallFleet(alone)
    const togetherNames = await smallFleet(together)
    // the sixth is defecting already, and a name is unknown
    await defectTarget(t.ctx, `${alone}-6`)
    await defectTarget(t.ctx, `${together}-6`)
    const refusedAlone = await eachAlone([...aloneNames, `${alone}-404`], action.alone)
    const result = await action.together([...togetherNames, `${together}-404`])

    expect(await snapshot(together)).toEqual(await snapshot(alone))
    const refusedTogether = result.refused.map((r) => `${r.name}: ${r.error.message}`)
    expect(refusedTogether.map((line) => line.replaceAll(together, '*')).sort()).toEqual(
      refusedAlone.map((line) => line.replaceAll(alone, '*')).sort(),
    )
    expect(refusedTogether).toContain(`${together}-404: No target server is named "${together}-404".`)
    expect(result.stopped).toBeUndefined()
    expect(await storedSummaries(t.ctx.db)).toEqual(await recountedSummaries(t.ctx.db))
  })

  it('records one activity entry per batch, found by the name of any target it names', async () => {
    const names = await smallFleet('NAMED')
    await defectTargets(t.ctx, names)
    const entries = await t.ctx.db.auditEvent.findMany({
      where: { action: 'target.defect', objectName: { startsWith: 'NAMED-' } },
    })
    expect(entries).toHaveLength(1)
    expect(entries[0]?.objectName).toBe('NAMED-1, NAMED-2, NAMED-3, NAMED-4, NAMED-5 and 1 more')
    expect(JSON.parse(entries[0]?.details ?? '{}')).toEqual({ count: 6, targetNames: names })
    const found = await listAuditEvents(t.ctx.db, { target: 'NAMED-6', action: 'target.defect' })
    expect(found.rows.map((row) => row.id)).toEqual([entries[0]?.id])

    // msx diagnose says how a target among them left, and who removed it
    await defectTargets(t.ctx, names, { force: true })
    expect((await diagnosisFacts(t.ctx.db, 'named-6')).defection).toMatchObject({ by: 'admin', how: 'force-defected' })
  })

  it(`works through ${(TARGETS_PER_BATCH * 2 + 100).toLocaleString('en-US')} targets in three batches`, async () => {
    const names = await seedFleet(t.ctx.db, 'WIDE', TARGETS_PER_BATCH * 2 + 100)
    await createJob(t.ctx, { name: 'wide-job', steps: [step], targets: { servers: names, groups: [] } })
    const resynced = await resynchronizeTargets(t.ctx, names)
    expect(resynced.done).toHaveLength(names.length)
    expect(resynced.done.every((d) => d.removed === 1 && d.jobs === 1)).toBe(true)
    const operations = await t.ctx.db.downloadInstruction.groupBy({
      by: ['operation'],
      where: { targetName: { startsWith: 'WIDE-' } },
      _count: { _all: true },
    })
    expect(Object.fromEntries(operations.map((o) => [o.operation, o._count._all]))).toEqual({
      DELETE: names.length,
      INSERT: names.length,
    })
    expect(
      await t.ctx.db.targetServer.count({ where: { name: { startsWith: 'WIDE-' }, state: 'RESYNC_PENDING' } }),
    ).toBe(names.length)

    const defected = await defectTargets(t.ctx, names, { force: true })
    expect(defected.done).toHaveLength(names.length)
    expect(await t.ctx.db.targetServer.count({ where: { name: { startsWith: 'WIDE-' } } })).toBe(0)
    expect(
      await t.ctx.db.auditEvent.count({ where: { action: 'target.defect.force', details: { contains: 'WIDE-' } } }),
    ).toBe(3)
    expect(await storedSummaries(t.ctx.db)).toEqual(await recountedSummaries(t.ctx.db))
  })

  it('a batch that fails is rolled back, the batches before it kept, and the message says what is left', async () => {
    const names = await seedFleet(t.ctx.db, 'HALT', TARGETS_PER_BATCH * 2 + 100)
    await createJob(t.ctx, { name: 'halt-job', steps: [step], targets: { servers: names, groups: [] } })
    const failing = `HALT-${TARGETS_PER_BATCH + 200}`
    await failDeletionOf(failing)
    try {
      const result = await defectTargets(t.ctx, names, { force: true })
      expect(result.done).toHaveLength(TARGETS_PER_BATCH)
      expect(result.stopped?.notDone).toEqual(names.slice(TARGETS_PER_BATCH))
      expect(batchReport('Force-defected 500 target servers.', result)).toMatch(
        /^Force-defected 500 target servers\. Then a batch failed and was rolled back \(.+\): the other 600 target servers were not changed\. Select them again and retry\.$/,
      )
    } finally {
      await stopFailing()
    }
    const left = await t.ctx.db.targetServer.findMany({
      where: { name: { startsWith: 'HALT-' } },
      select: { name: true },
    })
    expect(left.map((row) => row.name).sort()).toEqual(names.slice(TARGETS_PER_BATCH).sort())
    // the failed batch's holdings and download lists are all there, as they were
    const job = await t.ctx.db.job.findFirstOrThrow({ where: { name: 'halt-job' } })
    expect(await t.ctx.db.jobServer.count({ where: { jobId: job.id } })).toBe(names.length - TARGETS_PER_BATCH)
    expect(await t.ctx.db.downloadInstruction.count({ where: { objectId: job.id } })).toBe(
      names.length - TARGETS_PER_BATCH,
    )
    expect(await storedSummaries(t.ctx.db)).toEqual(await recountedSummaries(t.ctx.db))
  })
})

/** A trigger that makes deleting one target fail, as a database error in the middle of a batch would. */
async function failDeletionOf(name: string) {
  const db = t.ctx.db
  if (providerOf(db) === 'sqlite') {
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_delete BEFORE DELETE ON target_servers
      WHEN OLD.name = '${name}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
    return
  }
  await db.$executeRawUnsafe(`CREATE FUNCTION test_fail_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF OLD.name = '${name}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN OLD; END $$`)
  await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_delete BEFORE DELETE ON target_servers
    FOR EACH ROW EXECUTE FUNCTION test_fail_delete()`)
}

async function stopFailing() {
  const db = t.ctx.db
  if (providerOf(db) === 'sqlite') await db.$executeRawUnsafe('DROP TRIGGER test_fail_delete')
  else await db.$executeRawUnsafe('DROP FUNCTION test_fail_delete() CASCADE')
}
