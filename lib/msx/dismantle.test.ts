import { describe, expect, it } from 'vitest'
import { enlist, testDatabase } from '../../test/support/fixtures'
import { enlistWithToken } from './agents'
import { approveEnlistmentRequests, submitEnlistmentRequest } from './enlistment-requests'
import { createEnlistmentToken } from './enlistment-tokens'
import { createJob } from './jobs'
import { dismantleMaster, makeMaster, readMaster } from './master'
import { postOperation } from './post-operation'
import { defectAllTargets, defectTarget, enlistTarget } from './targets'
import { MASTER_VERSION } from './versions'

const t = testDatabase()

const job = (name: string) => ({
  name,
  description: 'Nightly maintenance',
  steps: [{ name: 'report', kind: 'cmdexec' as const, command: 'echo done', onSuccess: 'quit-success' }],
})
const certificate = (name: string) => ({ certificatePem: '', fingerprint: `cert-${name}` })
const request = (name: string, key = `key-${name}-0123456789`) => ({
  name,
  agentVersion: MASTER_VERSION,
  keyFingerprint: key,
})

async function removeAll() {
  for (const target of await t.ctx.db.targetServer.findMany()) await defectTarget(t.ctx, target.name, { force: true })
}

describe('dismantling the multiserver configuration', () => {
  it('is refused while targets are enlisted or defecting, naming the first 20 (which are defecting) and the count', async () => {
    for (let i = 1; i <= 23; i++) await enlist(t.ctx, `DM${String(i).padStart(2, '0')}`)
    await defectTarget(t.ctx, 'DM02')
    const refusal = dismantleMaster(t.ctx)
    await expect(refusal).rejects.toThrow(
      'Cannot dismantle MSX1: 23 target servers are still enlisted (DM01, DM02 (defecting), DM03, DM04, DM05, DM06, DM07, DM08, DM09, DM10, DM11, DM12, DM13, DM14, DM15, DM16, DM17, DM18, DM19, DM20 and 3 more). Defect them first',
    )
    expect((await readMaster(t.ctx.db))?.dismantledAt).toBeNull()
  })

  it('Defect all posts DEFECT to every target not yet defecting, in one activity-log entry with the count', async () => {
    const result = await defectAllTargets(t.ctx)
    expect(result.count).toBe(22)
    expect(await t.ctx.db.targetServer.count({ where: { state: { not: 'DEFECTING' } } })).toBe(0)
    expect(await t.ctx.db.downloadInstruction.count({ where: { operation: 'DEFECT' } })).toBe(23)
    const entry = await t.ctx.db.auditEvent.findFirst({ where: { action: 'target.defect.all' } })
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ count: 22 })
    await expect(defectAllTargets(t.ctx)).rejects.toThrow('Every target server of MSX1 is already defecting')
    // defecting targets still keep the master from being dismantled
    await expect(dismantleMaster(t.ctx)).rejects.toThrow('23 target servers are still enlisted')
    await removeAll()
    await expect(defectAllTargets(t.ctx)).rejects.toThrow('No target server is enlisted into MSX1')
  })

  it('revokes the tokens, rejects waiting requests, deletes the MSXOperator and the mail server, and keeps jobs and the activity log', async () => {
    await createJob(t.ctx, job('KEPT_JOB'))
    const { secret } = await createEnlistmentToken(t.ctx, { uses: 5 })
    await submitEnlistmentRequest(t.ctx.db, request('WAITING1'))
    const operator = await t.ctx.db.operator.create({
      data: { name: 'MSXOperator', nameKey: 'MSXOPERATOR', email: 'dba@example.com' },
    })
    await t.ctx.db.masterServer.update({ where: { id: 1 }, data: { msxOperatorId: operator.id } })
    await t.ctx.db.mailServer.create({
      data: {
        host: 'mail.example.com',
        port: 587,
        security: 'starttls',
        password: 'sealed',
        fromAddress: 'msx@example.com',
      },
    })
    const activity = await t.ctx.db.auditEvent.count()

    const result = await dismantleMaster(t.ctx)
    expect(result).toMatchObject({
      name: 'MSX1',
      tokensRevoked: 1,
      requestsRejected: 1,
      operatorDeleted: 'MSXOperator',
    })
    expect(await t.ctx.db.enlistmentToken.count({ where: { revokedAt: null } })).toBe(0)
    expect(await t.ctx.db.operator.count()).toBe(0)
    expect(await t.ctx.db.mailServer.count()).toBe(0)
    const rejected = await t.ctx.db.enlistmentRequest.findFirst({ where: { name: 'WAITING1' } })
    expect(rejected?.state).toBe('REJECTED')
    expect(rejected?.reason).toContain('The multiserver configuration of MSX1 was dismantled on')
    expect(await t.ctx.db.job.count({ where: { name: 'KEPT_JOB' } })).toBe(1)
    expect(await t.ctx.db.auditEvent.count()).toBe(activity + 1)
    const entry = await t.ctx.db.auditEvent.findFirst({ where: { action: 'master.dismantle' } })
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ tokensRevoked: 1, requestsRejected: 1 })

    // every way in says the master was dismantled, and how to make it a master again
    const message =
      /^The multiserver configuration of MSX1 was dismantled on \d{4}-\d\d-\d\d \d\d:\d\d UTC: an administrator can make it a master server again in the Master Server Wizard \(\/wizard\)\.$/
    await expect(
      enlistWithToken(
        t.ctx.db,
        { name: 'LATE1', agentVersion: MASTER_VERSION, token: secret, keyFingerprint: 'key-LATE1-0123456789' },
        certificate('LATE1'),
        '127.0.0.1',
      ),
    ).rejects.toThrow(message)
    await expect(submitEnlistmentRequest(t.ctx.db, request('LATE2'))).rejects.toThrow(message)
    await expect(enlistTarget(t.ctx, { name: 'LATE3', agentVersion: MASTER_VERSION })).rejects.toThrow(message)
    await expect(postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { all: true } })).rejects.toThrow(message)
    await expect(defectAllTargets(t.ctx)).rejects.toThrow(message)
    await expect(createEnlistmentToken(t.ctx)).rejects.toThrow(message)
    await expect(dismantleMaster(t.ctx)).rejects.toThrow(message)
    await makeMaster(t.ctx)
  })
})

describe('the rename rule', () => {
  it('refuses a server enlisted under one name that asks to enlist under another, by token or by request', async () => {
    const { secret } = await createEnlistmentToken(t.ctx, { uses: 5 })
    const key = 'key-of-server-OLDNAME-0123'
    await enlistWithToken(
      t.ctx.db,
      { name: 'OLDNAME', agentVersion: MASTER_VERSION, token: secret, keyFingerprint: key },
      certificate('OLDNAME'),
      '127.0.0.1',
    )
    const sentence =
      "This server is enlisted as OLDNAME. A target server's name is fixed while it is enlisted: defect OLDNAME (msx-agent defect), rename the server, then enlist it again as NEWNAME."
    await expect(
      enlistWithToken(
        t.ctx.db,
        { name: 'NEWNAME', agentVersion: MASTER_VERSION, token: secret, keyFingerprint: key },
        certificate('NEWNAME'),
        '127.0.0.1',
      ),
    ).rejects.toThrow(sentence)
    await expect(submitEnlistmentRequest(t.ctx.db, request('NEWNAME', key))).rejects.toThrow(sentence)
    // another server (another key) may take any free name
    await expect(submitEnlistmentRequest(t.ctx.db, request('NEWNAME'))).resolves.toMatchObject({ state: 'PENDING' })
  })

  it('keeps the key of a target enlisted by request, so the rule holds for it too', async () => {
    const key = 'key-of-server-REQ1-0123456'
    await submitEnlistmentRequest(t.ctx.db, request('REQ1', key))
    await approveEnlistmentRequests(t.ctx, ['REQ1'])
    await expect(submitEnlistmentRequest(t.ctx.db, request('REQ2', key))).rejects.toThrow(
      'This server is enlisted as REQ1.',
    )
    await defectTarget(t.ctx, 'REQ1', { force: true })
    await expect(submitEnlistmentRequest(t.ctx.db, request('REQ2', key))).resolves.toMatchObject({ name: 'REQ2' })
  })
})
