import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testDatabase } from '../../test/support/fixtures'
import { secretVault } from '../notify/secrets'
import { submitEnlistmentRequest } from './enlistment-requests'
import { dismantleMaster, makeMaster } from './master'
import { setOperator } from './operator'
import { defectTarget } from './targets'
import { MASTER_VERSION } from './versions'
import { chooseWizardRequests, moveWizard, readWizardProgress, wizardSuggested } from './wizard'
import { listWizardRequests } from './wizard-requests'
import { chosenRequests, runWizardEnlist, startWizardRun } from './wizard-run'

const t = testDatabase()
const vault = secretVault(fs.mkdtempSync(path.join(os.tmpdir(), 'msx-wizard-vault-')))

const ask = (name: string, agentVersion = MASTER_VERSION) =>
  submitEnlistmentRequest(t.ctx.db, {
    name,
    agentVersion,
    keyFingerprint: `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`,
    sourceAddress: '10.0.0.9',
  })

const names = (list: { rows: { name: string }[] }) => list.rows.map((r) => r.name)

describe('the Master Server Wizard', () => {
  it('is suggested while the master has neither an MSXOperator nor a target, and starts at the checks', async () => {
    expect(await wizardSuggested(t.ctx.db)).toEqual({ suggested: true, dismantled: false })
    expect((await readWizardProgress(t.ctx.db)).step).toBe('checks')
  })

  it('goes past the operator step only once the MSXOperator is saved, and keeps the step for everyone', async () => {
    expect(await moveWizard(t.ctx, 'operator')).toBe('operator')
    await expect(moveWizard(t.ctx, 'targets')).rejects.toThrow('Save the Master Server Operator first')
    expect((await readWizardProgress(t.ctx.db)).step).toBe('operator')
    await setOperator(t.ctx, { email: 'dba@example.com' }, vault)
    await moveWizard(t.ctx, 'targets')
    expect(await readWizardProgress(t.ctx.db)).toMatchObject({ step: 'targets', updatedBy: 'admin' })
    expect((await wizardSuggested(t.ctx.db)).suggested).toBe(false)
  })

  it('moves pending requests across with > and >>, and back with < and <<', async () => {
    for (const name of ['WZA', 'WZB', 'WZC']) await ask(name)
    await chooseWizardRequests(t.ctx, { chosen: true, names: ['wza'] })
    let lists = await listWizardRequests(t.ctx.db)
    expect([names(lists.available), names(lists.chosen)]).toEqual([['WZB', 'WZC'], ['WZA']])
    expect(await chooseWizardRequests(t.ctx, { chosen: true })).toBe(2)
    lists = await listWizardRequests(t.ctx.db)
    expect([lists.available.total, lists.chosen.total]).toEqual([0, 3])
    await chooseWizardRequests(t.ctx, { chosen: false, names: ['WZB'] })
    expect(names((await listWizardRequests(t.ctx.db)).available)).toEqual(['WZB'])
    await chooseWizardRequests(t.ctx, { chosen: false })
    expect((await listWizardRequests(t.ctx.db)).chosen.total).toBe(0)
    await expect(chooseWizardRequests(t.ctx, { chosen: true, names: [] })).rejects.toThrow('Select at least one')
  })

  it('Complete enlists a compatible request and rejects one outside the version window, with the reason', async () => {
    await ask('WZNEW', '0.2.0')
    await chooseWizardRequests(t.ctx, { chosen: true, names: ['WZA', 'WZNEW'] })
    const planned = await chosenRequests(t.ctx.db)
    expect(planned.map((r) => [r.name, r.status])).toEqual([
      ['WZA', expect.stringMatching(/pass|warn/)],
      ['WZNEW', 'fail'],
    ])

    const first = await startWizardRun(t.ctx)
    expect(first).toEqual({
      title: 'Create operator MSXOperator',
      status: 'done',
      detail: 'notified by e-mail dba@example.com',
    })
    expect(await runWizardEnlist(t.ctx, 'WZA')).toMatchObject({ status: 'done', href: '/targets/WZA' })
    const refused = await runWizardEnlist(t.ctx, 'WZNEW')
    expect(refused.status).toBe('refused')
    expect(refused.detail).toContain('WZNEW runs agent version 0.2.0, which is newer than the master')
    const rejected = await t.ctx.db.enlistmentRequest.findFirstOrThrow({ where: { nameKey: 'WZNEW' } })
    expect([rejected.state, rejected.reason]).toEqual(['REJECTED', refused.detail])
    expect(await runWizardEnlist(t.ctx, 'WZB')).toMatchObject({ status: 'failed' })

    expect(await t.ctx.db.targetServer.count({ where: { nameKey: 'WZA' } })).toBe(1)
    const { step, lastRun } = await readWizardProgress(t.ctx.db)
    expect(step).toBe('complete')
    expect(lastRun?.map((r) => `${r.title}: ${r.status}`)).toEqual([
      'Create operator MSXOperator: done',
      'Enlist WZA: done',
      'Enlist WZNEW: refused',
      'Enlist WZB: failed',
    ])
    const actions = await t.ctx.db.auditEvent.findMany({
      where: { objectName: { in: ['WZA', 'WZNEW'] }, action: { in: ['target.enlist', 'enlistment.reject'] } },
      select: { action: true, objectName: true },
    })
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'target.enlist', objectName: 'WZA' },
        { action: 'enlistment.reject', objectName: 'WZNEW' },
      ]),
    )
    // a new run starts a new list
    await startWizardRun(t.ctx)
    expect((await readWizardProgress(t.ctx.db)).lastRun).toHaveLength(1)
  })

  it('on a dismantled master, goes no further than the checks until it is made a master server again', async () => {
    for (const target of await t.ctx.db.targetServer.findMany()) await defectTarget(t.ctx, target.name, { force: true })
    await dismantleMaster(t.ctx)
    expect(await wizardSuggested(t.ctx.db)).toEqual({ suggested: true, dismantled: true })
    await expect(moveWizard(t.ctx, 'operator')).rejects.toThrow('is dismantled: make it a master server again')
    await makeMaster(t.ctx)
    await moveWizard(t.ctx, 'operator')
    // dismantling deleted the MSXOperator: the wizard waits for a new one
    await expect(moveWizard(t.ctx, 'targets')).rejects.toThrow('Save the Master Server Operator first')
  })
})
