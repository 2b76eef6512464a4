import { describe, expect, it } from 'vitest'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { pendingInstructions } from './download-list'
import {
  acknowledgeInstructions,
  clearInstructionErrors,
  deleteInstructions,
  instructionListQuery,
  listInstructions,
} from './instructions'
import { postOperation } from './post-operation'
import { resynchronizeTarget } from './resync'

const t = testDatabase()

async function targetWithInstructions(count: number) {
  const name = uniqueName()
  const target = await enlist(t.ctx, name)
  for (let i = 0; i < count; i++)
    await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [name] } })
  return target
}

describe('the download list', () => {
  it('gives a target its unread instructions in the order they were posted', async () => {
    const target = await targetWithInstructions(0)
    await postOperation(t.ctx, { operation: 'SYNC-TIME', recipients: { targets: [target.name] } })
    await postOperation(t.ctx, { operation: 'SET-POLL', value: 30, recipients: { targets: [target.name] } })
    const { blockedBy, instructions } = await pendingInstructions(t.ctx.db, target.id)
    expect(blockedBy).toBeNull()
    expect(instructions.map((i) => i.operation)).toEqual(['SYNC-TIME', 'SET-POLL'])
  })

  it('marks acknowledged instructions downloaded and applies a carried-out SET-POLL', async () => {
    const target = await targetWithInstructions(0)
    await postOperation(t.ctx, { operation: 'SET-POLL', value: 45, recipients: { targets: [target.name] } })
    const [instruction] = (await pendingInstructions(t.ctx.db, target.id)).instructions
    await acknowledgeInstructions(t.ctx.db, target.id, [{ id: instruction?.id ?? 0, ok: true }])
    const row = await t.ctx.db.downloadInstruction.findUnique({ where: { id: instruction?.id } })
    expect(row).toMatchObject({ status: 1, errorMessage: null })
    expect(row?.dateDownloaded).toBeInstanceOf(Date)
    expect((await t.ctx.db.targetServer.findUnique({ where: { id: target.id } }))?.pollIntervalSeconds).toBe(45)
    expect((await pendingInstructions(t.ctx.db, target.id)).instructions).toHaveLength(0)
  })

  it('ignores acknowledgements of another target’s instructions', async () => {
    const a = await targetWithInstructions(1)
    const b = await targetWithInstructions(0)
    const [instruction] = (await pendingInstructions(t.ctx.db, a.id)).instructions
    await acknowledgeInstructions(t.ctx.db, b.id, [{ id: instruction?.id ?? 0, ok: true }])
    expect((await t.ctx.db.downloadInstruction.findUnique({ where: { id: instruction?.id } }))?.status).toBe(0)
  })

  it('an error blocks the target’s further downloads until the instruction is deleted', async () => {
    const target = await targetWithInstructions(3)
    const [first] = (await pendingInstructions(t.ctx.db, target.id)).instructions
    await acknowledgeInstructions(t.ctx.db, target.id, [{ id: first?.id ?? 0, ok: false, error: 'Proxy not found.' }])
    const blocked = await pendingInstructions(t.ctx.db, target.id)
    expect(blocked).toEqual({ blockedBy: { id: first?.id, errorMessage: 'Proxy not found.' }, instructions: [] })
    await deleteInstructions(t.ctx, [first?.id ?? 0])
    expect((await pendingInstructions(t.ctx.db, target.id)).instructions).toHaveLength(2)
  })

  it('clearing an error lets the target download the instruction again', async () => {
    const target = await targetWithInstructions(2)
    const [first] = (await pendingInstructions(t.ctx.db, target.id)).instructions
    await acknowledgeInstructions(t.ctx.db, target.id, [{ id: first?.id ?? 0, ok: false, error: 'boom' }])
    expect(await clearInstructionErrors(t.ctx, [first?.id ?? 0])).toEqual({ cleared: 1, targets: [target.name] })
    const after = await pendingInstructions(t.ctx.db, target.id)
    expect(after.blockedBy).toBeNull()
    expect(after.instructions.map((i) => i.id)[0]).toBe(first?.id)
    const event = await t.ctx.db.auditEvent.findFirst({
      where: { action: 'instruction.clear' },
      orderBy: { id: 'desc' },
    })
    expect(JSON.parse(event?.details ?? '{}').errors).toEqual([`${target.name}: boom`])
  })

  it('re-synchronizing deletes pending instructions (unblocking) and posts DELETE all then INSERT of each job', async () => {
    const target = await targetWithInstructions(2)
    const [first] = (await pendingInstructions(t.ctx.db, target.id)).instructions
    await acknowledgeInstructions(t.ctx.db, target.id, [{ id: first?.id ?? 0, ok: false, error: 'boom' }])
    const { createJob } = await import('./jobs')
    const jobName = uniqueName('job')
    await createJob(t.ctx, {
      name: jobName,
      steps: [{ name: 's', kind: 'cmdexec', command: 'true' }],
      targets: { servers: [target.name] },
    })
    const result = await resynchronizeTarget(t.ctx, target.name)
    expect(result).toEqual({ removed: 3, jobs: 1 })
    const { blockedBy, instructions } = await pendingInstructions(t.ctx.db, target.id)
    expect(blockedBy).toBeNull()
    expect(instructions.map((i) => [i.operation, i.objectName])).toEqual([
      ['DELETE', '(all jobs)'],
      ['INSERT', jobName],
    ])
    expect((await t.ctx.db.targetServer.findUnique({ where: { id: target.id } }))?.state).toBe('RESYNC_PENDING')
    await acknowledgeInstructions(
      t.ctx.db,
      target.id,
      instructions.map((i) => ({ id: i.id, ok: true })),
    )
    expect((await t.ctx.db.targetServer.findUnique({ where: { id: target.id } }))?.state).toBe('ENLISTED')
  })

  it('a downloaded DEFECT completes the defection: the target is gone and its certificate revoked', async () => {
    const name = uniqueName()
    const target = await enlist(t.ctx, name, { certFingerprint: `fp-${name}` })
    await postOperation(t.ctx, { operation: 'DEFECT', recipients: { targets: [name] } })
    const [defect] = (await pendingInstructions(t.ctx.db, target.id)).instructions
    expect(await acknowledgeInstructions(t.ctx.db, target.id, [{ id: defect?.id ?? 0, ok: true }])).toEqual({
      enlisted: false,
    })
    expect(await t.ctx.db.targetServer.findUnique({ where: { id: target.id } })).toBeNull()
    expect(await t.ctx.db.revokedCertificate.findUnique({ where: { fingerprint: `fp-${name}` } })).not.toBeNull()
  })

  it('lists instructions filtered by target, status and operation, newest first', async () => {
    const target = await targetWithInstructions(2)
    await postOperation(t.ctx, { operation: 'SET-POLL', value: 20, recipients: { targets: [target.name] } })
    const [first] = (await pendingInstructions(t.ctx.db, target.id)).instructions
    await acknowledgeInstructions(t.ctx.db, target.id, [{ id: first?.id ?? 0, ok: false, error: 'bad clock' }])
    const all = await listInstructions(t.ctx.db, { target: target.name.toLowerCase() })
    expect(all.total).toBe(3)
    expect(all.rows.map((r) => r.operation)).toEqual(['SET-POLL', 'SYNC-TIME', 'SYNC-TIME'])
    const errors = await listInstructions(t.ctx.db, { target: target.name, status: 'error' })
    expect(errors.rows).toEqual([
      expect.objectContaining({ id: first?.id, status: 'error', errorMessage: 'bad clock' }),
    ])
    const pending = await listInstructions(t.ctx.db, { target: target.name, status: 'pending' })
    expect(pending.total).toBe(2)
    expect((await listInstructions(t.ctx.db, { target: target.name, operation: 'SET-POLL' })).total).toBe(1)
  })

  it('filters by job whatever the case, also instructions posted before a rename', async () => {
    const target = await targetWithInstructions(1)
    const { createJob, updateJob } = await import('./jobs')
    const jobName = uniqueName('Nightly')
    const definition = {
      steps: [{ name: 's', kind: 'cmdexec' as const, command: 'true' }],
      targets: { servers: [target.name] },
    }
    await createJob(t.ctx, { name: jobName, ...definition })
    await updateJob(t.ctx, jobName, { name: `${jobName}-renamed`, ...definition })
    const byNewName = await listInstructions(t.ctx.db, { job: `${jobName}-RENAMED`.toLowerCase() })
    expect(byNewName.rows.map((r) => [r.operation, r.objectName])).toEqual([
      ['UPDATE', `${jobName}-renamed`],
      ['INSERT', jobName],
    ])
    expect((await listInstructions(t.ctx.db, { target: target.name, job: 'no such job' })).total).toBe(0)
  })

  it('filters by the date posted: at or after it', async () => {
    const target = await targetWithInstructions(2)
    const [older, newer] = (await pendingInstructions(t.ctx.db, target.id)).instructions
    await t.ctx.db.downloadInstruction.update({
      where: { id: older?.id },
      data: { datePosted: new Date('2026-01-01T00:00:00Z') },
    })
    const since = await listInstructions(t.ctx.db, { target: target.name, postedAfter: '2026-01-02T00:00:00.000Z' })
    expect(since.rows.map((r) => r.id)).toEqual([newer?.id])
    const all = await listInstructions(t.ctx.db, { target: target.name, postedAfter: '2026-01-01T00:00:00.000Z' })
    expect(all.total).toBe(2)
  })

  it('refuses a filter it does not know, saying what it accepts', () => {
    const result = instructionListQuery.safeParse({ status: 'late', operation: 'REBOOT', postedAfter: 'yesterday' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'status is pending, downloaded or error',
      'operation is one of INSERT, UPDATE, DELETE, START, STOP, RE-ENLIST, DEFECT, SYNC-TIME, SET-POLL',
      'postedAfter must be a date and time such as 2026-12-01T00:00:00.000Z',
    ])
  })

  it('deleting reports how many and whose', async () => {
    const a = await targetWithInstructions(2)
    const ids = (await pendingInstructions(t.ctx.db, a.id)).instructions.map((i) => i.id)
    expect(await deleteInstructions(t.ctx, ids)).toEqual({ deleted: 2, targets: [a.name] })
  })
})
