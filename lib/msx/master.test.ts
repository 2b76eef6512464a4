import { describe, expect, it } from 'vitest'
import packageJson from '../../package.json' with { type: 'json' }
import { enlist, testDatabase } from '../../test/support/fixtures'
import { approveEnlistmentRequests, submitEnlistmentRequest } from './enlistment-requests'
import { dismantleMaster, ensureMaster, makeMaster } from './master'
import { defectTarget } from './targets'
import { MASTER_VERSION } from './versions'

const t = testDatabase()

describe('the master server', () => {
  it('is the version the package ships', () => {
    expect(MASTER_VERSION).toBe(packageJson.version)
  })

  it('keeps its row across restarts', async () => {
    const first = await ensureMaster(t.ctx.db, 'MSX1')
    const again = await ensureMaster(t.ctx.db, 'OTHER')
    expect(again).toMatchObject({ name: 'MSX1', madeMasterAt: first.madeMasterAt })
  })

  it('can be dismantled once no target is enlisted, refuses enlistment then, and can be made master again', async () => {
    await enlist(t.ctx, 'LAST1')
    await expect(dismantleMaster(t.ctx)).rejects.toThrow(
      'Cannot dismantle MSX1: 1 target server is still enlisted (LAST1). Defect them first',
    )
    await defectTarget(t.ctx, 'LAST1', { force: true })
    const dismantled = await dismantleMaster(t.ctx)
    expect(dismantled.dismantledAt).toBeInstanceOf(Date)
    await expect(enlist(t.ctx, 'LATE1')).rejects.toThrow('The multiserver configuration of MSX1 was dismantled')
    await makeMaster(t.ctx)
    await expect(enlist(t.ctx, 'LATE1')).resolves.toMatchObject({ name: 'LATE1' })
  })
})

describe('the activity log', () => {
  it('is written in the transaction of the change: when a change fails half-way, nothing of it stays', async () => {
    const keyed = (name: string) => ({ name, agentVersion: MASTER_VERSION, keyFingerprint: `key-${name}-0123456789` })
    await submitEnlistmentRequest(t.ctx.db, keyed('HALF1'))
    await submitEnlistmentRequest(t.ctx.db, keyed('HALF2'))
    await enlist(t.ctx, 'HALF2') // enlisted meanwhile with a token: approving its request must fail
    await expect(approveEnlistmentRequests(t.ctx, ['HALF1', 'HALF2'])).rejects.toThrow('HALF2 is already enlisted')
    expect(await t.ctx.db.targetServer.findUnique({ where: { nameKey: 'HALF1' } })).toBeNull()
    expect(await t.ctx.db.auditEvent.count({ where: { objectName: 'HALF1', action: 'target.enlist' } })).toBe(0)
    expect((await t.ctx.db.enlistmentRequest.findFirst({ where: { name: 'HALF1' } }))?.state).toBe('PENDING')
  })
})
