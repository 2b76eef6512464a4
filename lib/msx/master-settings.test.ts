import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { readMaster } from './master'
import { updateMasterSettings } from './master-settings'
import { masterSettingsInput } from './master-settings-input'

const t = testDatabase()

const fieldErrors = (input: unknown) => {
  const parsed = masterSettingsInput.safeParse(input)
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe("the master's settings", () => {
  it('take a server name and a polling interval from 10 to 28,800 seconds, typed as text', () => {
    expect(masterSettingsInput.parse({ name: ' MSX-PARIS ', defaultPollIntervalSeconds: '10' })).toEqual({
      name: 'MSX-PARIS',
      defaultPollIntervalSeconds: 10,
    })
    expect(masterSettingsInput.parse({ name: 'MSX\\PROD', defaultPollIntervalSeconds: 28_800 })).toMatchObject({
      defaultPollIntervalSeconds: 28_800,
    })
    for (const interval of ['9', '28801', '60.5', 'soon', '', -1])
      expect(fieldErrors({ name: 'MSX1', defaultPollIntervalSeconds: interval }), String(interval)).toEqual({
        defaultPollIntervalSeconds: 'Enter a whole number of seconds from 10 to 28,800.',
      })
    expect(fieldErrors({ name: 'MSX 1', defaultPollIntervalSeconds: '60' }).name).toMatch(
      /^A server name starts with a letter or digit/,
    )
  })

  it('give targets enlisted afterwards the new interval; targets enlisted before keep theirs', async () => {
    const before = await enlist(t.ctx, 'BEFORE1')
    const change = await updateMasterSettings(t.ctx, { name: 'MSX1', defaultPollIntervalSeconds: '90' })
    expect(change).toEqual({ name: null, defaultPollIntervalSeconds: { from: before.pollIntervalSeconds, to: 90 } })
    expect((await enlist(t.ctx, 'AFTER1')).pollIntervalSeconds).toBe(90)
    const kept = await t.ctx.db.targetServer.findUniqueOrThrow({ where: { id: before.id } })
    expect(kept.pollIntervalSeconds).toBe(before.pollIntervalSeconds)
  })

  it('rename the master while targets are enlisted, and log old and new values in one entry', async () => {
    const change = await updateMasterSettings(t.ctx, { name: 'MSX-NEW', defaultPollIntervalSeconds: 120 })
    expect(change).toEqual({
      name: { from: 'MSX1', to: 'MSX-NEW' },
      defaultPollIntervalSeconds: { from: 90, to: 120 },
    })
    expect(await readMaster(t.ctx.db)).toMatchObject({ name: 'MSX-NEW', defaultPollIntervalSeconds: 120 })
    const entry = await t.ctx.db.auditEvent.findFirstOrThrow({
      where: { action: 'master.update' },
      orderBy: { id: 'desc' },
    })
    expect(entry).toMatchObject({ actor: 'admin', objectType: 'master', objectName: 'MSX-NEW', result: 'success' })
    expect(JSON.parse(entry.details)).toEqual({
      name: { from: 'MSX1', to: 'MSX-NEW' },
      defaultPollIntervalSeconds: { from: 90, to: 120 },
    })
    await updateMasterSettings(t.ctx, { name: 'MSX1', defaultPollIntervalSeconds: 60 })
  })

  it('refuse an out-of-range interval and change nothing', async () => {
    const entries = await t.ctx.db.auditEvent.count()
    await expect(updateMasterSettings(t.ctx, { name: 'MSX-BAD', defaultPollIntervalSeconds: '5' })).rejects.toThrow(
      'Enter a whole number of seconds from 10 to 28,800.',
    )
    expect(await readMaster(t.ctx.db)).toMatchObject({ name: 'MSX1', defaultPollIntervalSeconds: 60 })
    expect(await t.ctx.db.auditEvent.count()).toBe(entries)
  })

  it('write nothing when nothing changed', async () => {
    const entries = await t.ctx.db.auditEvent.count()
    const change = await updateMasterSettings(t.ctx, { name: 'MSX1', defaultPollIntervalSeconds: 60 })
    expect(change).toEqual({ name: null, defaultPollIntervalSeconds: null })
    expect(await t.ctx.db.auditEvent.count()).toBe(entries)
  })
})
