import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { dismantleMaster } from './master'
import { defectTarget, deleteTargetServer, updateTargetLocation } from './targets'
import { MASTER_VERSION } from './versions'

const t = testDatabase()

describe('enlisting a target server', () => {
  it('enlists with the master default poll interval and records who did it', async () => {
    const name = uniqueName()
    const target = await enlist(t.ctx, name, { location: 'Rack 4' })
    expect(target).toMatchObject({
      name,
      location: 'Rack 4',
      pollIntervalSeconds: 60,
      enlistedBy: 'admin',
      state: 'ENLISTED',
    })
    const event = await t.ctx.db.auditEvent.findFirst({ where: { action: 'target.enlist', objectName: name } })
    expect(event).toMatchObject({ actor: 'admin', address: '127.0.0.1', result: 'success' })
  })

  it('refuses a name already enlisted, compared case-insensitively', async () => {
    const name = uniqueName('Sales')
    await enlist(t.ctx, name)
    await expect(enlist(t.ctx, name.toLowerCase())).rejects.toThrow(
      `${name} is already enlisted into master MSX1: defect it first.`,
    )
  })

  it('refuses a target that reports another master', async () => {
    await expect(enlist(t.ctx, 'TSX3', { currentMaster: 'MSX2' })).rejects.toThrow(
      'TSX3 is already enlisted into master MSX2: defect it first.',
    )
  })

  it('accepts the current and two previous minor versions, refusing older and newer ones', async () => {
    await expect(enlist(t.ctx, uniqueName(), { agentVersion: '0.0.9' })).resolves.toBeTruthy()
    const newer = uniqueName()
    await expect(enlist(t.ctx, newer, { agentVersion: '0.2.0' })).rejects.toThrow(
      `${newer} runs agent version 0.2.0, which is newer than the master: this master (version ${MASTER_VERSION}) accepts agents 0.0.0 to ${MASTER_VERSION}.`,
    )
    await expect(enlist(t.ctx, uniqueName(), { agentVersion: 'banana' })).rejects.toThrow('is not a version number')
  })

  it('refuses an invalid name with a message that says what a name may hold', async () => {
    await expect(enlist(t.ctx, 'bad name!')).rejects.toThrow('A server name starts with a letter or digit')
  })

  it('keeps the name fixed but lets the location change, logged with before and after', async () => {
    const name = uniqueName()
    await enlist(t.ctx, name, { location: 'old' })
    const updated = await updateTargetLocation(t.ctx, name, 'new')
    expect(updated.location).toBe('new')
    const event = await t.ctx.db.auditEvent.findFirst({ where: { action: 'target.update', objectName: name } })
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ location: { from: 'old', to: 'new' } })
  })
})

describe('defecting', () => {
  it('graceful defection posts DEFECT and marks the target defecting', async () => {
    const name = uniqueName()
    const target = await enlist(t.ctx, name)
    await defectTarget(t.ctx, name)
    const instructions = await t.ctx.db.downloadInstruction.findMany({ where: { targetId: target.id } })
    expect(instructions.map((i) => [i.operation, i.objectType, i.status])).toEqual([['DEFECT', 'SERVER', 0]])
    expect((await t.ctx.db.targetServer.findUnique({ where: { id: target.id } }))?.state).toBe('DEFECTING')
    await expect(defectTarget(t.ctx, name)).rejects.toThrow(`${name} is already defecting.`)
  })

  it('forced defection removes the target at once, clears its list and revokes its certificate', async () => {
    const name = uniqueName()
    const target = await enlist(t.ctx, name, { certFingerprint: `fp-${name}` })
    await defectTarget(t.ctx, name)
    await defectTarget(t.ctx, name, { force: true })
    expect(await t.ctx.db.targetServer.findUnique({ where: { id: target.id } })).toBeNull()
    expect(await t.ctx.db.downloadInstruction.count({ where: { targetName: name } })).toBe(0)
    expect(await t.ctx.db.revokedCertificate.findUnique({ where: { fingerprint: `fp-${name}` } })).toMatchObject({
      targetName: name,
    })
  })

  it('deleting a target can keep its download list', async () => {
    const name = uniqueName()
    await enlist(t.ctx, name)
    await defectTarget(t.ctx, name)
    await deleteTargetServer(t.ctx, name, { clearDownloadList: false })
    const kept = await t.ctx.db.downloadInstruction.findMany({ where: { targetName: name } })
    expect(kept).toHaveLength(1)
    expect(kept[0]?.targetId).toBeNull()
  })
})

describe('dismantling', () => {
  it('is refused while targets are enlisted, naming them', async () => {
    await expect(dismantleMaster(t.ctx)).rejects.toThrow(
      /Cannot dismantle MSX1: \d+ target servers are still enlisted \(.*\)\. Defect them first \(Defect all, or msx defect --all\)/,
    )
  })
})
