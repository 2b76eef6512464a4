// Kept versions of multiserver jobs on the real databases: every save numbered with who and when, an unchanged
// save kept as it was, a version exported and applied back, two compared, a stale editor refused, held versions.
import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { acknowledgeInstructions } from './acknowledgements'
import { applyJob } from './job-apply'
import { jobTargetVersions } from './job-target-versions'
import { diffJobVersions, listJobVersions, readJobVersion } from './job-version-list'
import { createJob, deleteJob, updateJob } from './jobs'
import { nameKey } from './names'

const t = testDatabase()
const as = (name: string) => ({ ...t.ctx, actor: { name } })

const definition = (name: string, command = 'VACUUM;', servers: string[] = []) => ({
  name,
  steps: [{ name: 'vacuum', kind: 'cmdexec' as const, command }],
  schedules: [{ name: 'nightly', cron: '0 2 * * *' }],
  targets: { servers, groups: [] },
})

async function ackAll(target: string) {
  const { id } = await t.ctx.db.targetServer.findUniqueOrThrow({ where: { nameKey: nameKey(target) } })
  const rows = await t.ctx.db.downloadInstruction.findMany({
    where: { targetId: id, status: 0 },
    orderBy: { id: 'asc' },
  })
  await acknowledgeInstructions(
    t.ctx.db,
    id,
    rows.map((r) => ({ id: r.id, ok: true })),
  )
}

describe('job versions', () => {
  it('keeps version 1 at creation and version 2 at an update, with who saved each', async () => {
    const name = uniqueName('job')
    await createJob(as('alice'), definition(name))
    const { job } = await updateJob(as('bob'), name, definition(name, 'VACUUM FULL;'))
    expect(job.version).toBe(2)
    const versions = await listJobVersions(t.ctx.db, name)
    expect(versions.map((v) => [v.version, v.savedBy, v.current])).toEqual([
      [2, 'bob', true],
      [1, 'alice', false],
    ])
    expect((await readJobVersion(t.ctx.db, name, 1)).steps[0]?.command).toBe('VACUUM;')
    expect((await readJobVersion(t.ctx.db, name)).steps[0]?.command).toBe('VACUUM FULL;')
  })

  it('an update that changes nothing keeps the version and posts nothing', async () => {
    const [target, name] = [uniqueName(), uniqueName('job')]
    await enlist(t.ctx, target)
    await createJob(t.ctx, definition(name, 'VACUUM;', [target]))
    const posted = await t.ctx.db.downloadInstruction.count()
    const result = await updateJob(as('bob'), name, definition(name, 'VACUUM;', [target]))
    expect(result).toMatchObject({ changed: false, job: { version: 1 } })
    expect(await t.ctx.db.downloadInstruction.count()).toBe(posted)
    expect(await listJobVersions(t.ctx.db, name)).toHaveLength(1)
    expect((await applyJob(t.ctx, definition(name, 'VACUUM;', [target]))).action).toBe('unchanged')
  })

  it('version 1 exported and applied again gives the job of version 1 back, as version 3', async () => {
    const name = uniqueName('job')
    await createJob(t.ctx, definition(name))
    await updateJob(t.ctx, name, { ...definition(name, 'VACUUM FULL;'), description: 'full' })
    const first = await readJobVersion(t.ctx.db, name, 1)
    const applied = await applyJob(t.ctx, JSON.parse(JSON.stringify(first)))
    expect(applied).toMatchObject({ action: 'updated', version: 3 })
    expect(await readJobVersion(t.ctx.db, name, 3)).toEqual(first)
  })

  it('compares two versions line by line', async () => {
    const name = uniqueName('job')
    await createJob(t.ctx, definition(name))
    await updateJob(t.ctx, name, definition(name, 'VACUUM FULL;'))
    const diff = await diffJobVersions(t.ctx.db, name, 1, 2)
    expect(diff.lines.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: '      "command": "VACUUM;",' },
      { kind: 'added', text: '      "command": "VACUUM FULL;",' },
    ])
    expect(diff.unified).toContain(`--- ${name} version 1\n+++ ${name} version 2\n@@ -`)
    expect(diff.unified).toContain('-      "command": "VACUUM;",\n+      "command": "VACUUM FULL;",')
    await expect(readJobVersion(t.ctx.db, name, 9)).rejects.toThrow(
      `Job ${name} has no version 9 (its kept versions are 1, 2; the current version is 2).`,
    )
  })

  it('refuses a save against an older version, saying who changed it and when, and writes nothing', async () => {
    const name = uniqueName('job')
    await createJob(t.ctx, definition(name))
    await updateJob(as('alice'), name, definition(name, 'VACUUM FULL;'), { expectedVersion: 1 })
    const { savedAt } = (await listJobVersions(t.ctx.db, name))[0] ?? { savedAt: new Date() }
    const when = `${savedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`
    const before = await t.ctx.db.downloadInstruction.count()
    await expect(
      updateJob(as('bob'), name, definition(name, 'VACUUM ANALYZE;'), { expectedVersion: 1 }),
    ).rejects.toThrow(
      `${name} was changed by alice at ${when} (version 2) since you opened it: reload it to see the change; your edit is kept on this page.`,
    )
    expect((await readJobVersion(t.ctx.db, name)).steps[0]?.command).toBe('VACUUM FULL;')
    expect(await listJobVersions(t.ctx.db, name)).toHaveLength(2)
    expect(await t.ctx.db.downloadInstruction.count()).toBe(before)
  })

  it('a target holds the version whose INSERT or UPDATE it acknowledged; until then it is pending', async () => {
    const [target, name] = [uniqueName(), uniqueName('job')]
    await enlist(t.ctx, target)
    await createJob(t.ctx, definition(name, 'VACUUM;', [target]))
    expect(await jobTargetVersions(t.ctx.db, name)).toEqual([
      expect.objectContaining({
        target,
        heldVersion: null,
        current: false,
        pending: expect.objectContaining({ operation: 'INSERT', version: 1 }),
      }),
    ])
    await ackAll(target)
    expect(await jobTargetVersions(t.ctx.db, name)).toEqual([
      { target, heldVersion: 1, current: true, pending: null, error: null },
    ])
    await updateJob(t.ctx, name, definition(name, 'VACUUM FULL;', [target]))
    expect((await jobTargetVersions(t.ctx.db, name))[0]).toMatchObject({
      heldVersion: 1,
      current: false,
      pending: { operation: 'UPDATE', version: 2 },
    })
    await ackAll(target)
    expect((await jobTargetVersions(t.ctx.db, name))[0]).toMatchObject({ heldVersion: 2, current: true, pending: null })
  })

  it('a failed download shows its exact error and leaves the held version', async () => {
    const [target, name] = [uniqueName(), uniqueName('job')]
    await enlist(t.ctx, target)
    await createJob(t.ctx, definition(name, 'VACUUM;', [target]))
    const { id } = await t.ctx.db.targetServer.findUniqueOrThrow({ where: { nameKey: nameKey(target) } })
    const [row] = await t.ctx.db.downloadInstruction.findMany({ where: { targetId: id, status: 0 } })
    await acknowledgeInstructions(t.ctx.db, id, [{ id: row?.id ?? 0, ok: false, error: 'Proxy not found.' }])
    expect((await jobTargetVersions(t.ctx.db, name))[0]).toMatchObject({
      heldVersion: null,
      pending: null,
      error: { operation: 'INSERT', message: 'Proxy not found.' },
    })
  })

  it('a deleted job takes its versions with it; one created again under its name starts at version 1', async () => {
    const name = uniqueName('job')
    const { job } = await createJob(t.ctx, definition(name))
    await updateJob(t.ctx, name, definition(name, 'VACUUM FULL;'))
    await deleteJob(t.ctx, name)
    expect(await t.ctx.db.jobVersion.count({ where: { jobId: job.id } })).toBe(0)
    await createJob(t.ctx, definition(name))
    expect((await listJobVersions(t.ctx.db, name)).map((v) => v.version)).toEqual([1])
  })
})
