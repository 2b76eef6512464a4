import { describe, expect, it } from 'vitest'
import { isMsxError } from '../msx/errors'
import { authorize, can, PERMISSIONS, type Permission, refusalReason } from './permissions'
import { ROLES } from './roles'

const ALL = Object.keys(PERMISSIONS) as Permission[]

describe('the role table', () => {
  it('lets an administrator do everything', () => {
    for (const permission of ALL) expect(can('administrator', permission), permission).toBe(true)
  })

  it('lets an operator run the fleet day to day', () => {
    for (const permission of [
      'read',
      'self.manage',
      'instructions.post',
      'targets.force-poll',
      'jobs.run',
      'enlistment.decide',
    ] as const)
      expect(can('operator', permission), permission).toBe(true)
  })

  it('keeps defection, job, group and user changes from an operator', () => {
    for (const permission of [
      'targets.defect',
      'targets.force-defect',
      'jobs.edit',
      'groups.edit',
      'users.manage',
      'master.edit',
      'master.dismantle',
      'operator.edit',
    ] as const)
      expect(can('operator', permission), permission).toBe(false)
  })

  it('lets a viewer only read and manage their own password and tokens', () => {
    expect(ALL.filter((permission) => can('viewer', permission))).toEqual(['read', 'self.manage'])
  })

  it('gives every role at least read and self.manage', () => {
    for (const role of ROLES) {
      expect(can(role, 'read')).toBe(true)
      expect(can(role, 'self.manage')).toBe(true)
    }
  })
})

describe('authorize', () => {
  it('lets a permitted role through', () => {
    expect(() => authorize('operator', 'jobs.run')).not.toThrow()
    expect(() => authorize('viewer', 'read')).not.toThrow()
  })

  it('refuses with code forbidden and a sentence naming the role and who may', () => {
    let caught: unknown
    try {
      authorize('operator', 'targets.defect')
    } catch (error) {
      caught = error
    }
    expect(isMsxError(caught) && caught.code).toBe('forbidden')
    expect((caught as Error).message).toBe(
      'Operators may not defect target servers: only administrators may. Ask an administrator.',
    )
    expect(() => authorize('viewer', 'jobs.run')).toThrow(
      'Viewers may not start or stop jobs: only administrators and operators may. Ask an administrator.',
    )
  })

  it('explains every refusal with the role it refuses', () => {
    for (const role of ROLES)
      for (const permission of ALL.filter((p) => !can(role, p))) {
        const reason = refusalReason(role, permission)
        expect(reason.startsWith(`${role[0].toUpperCase()}${role.slice(1)}s may not `), reason).toBe(true)
        expect(() => authorize(role, permission)).toThrow(reason)
      }
  })
})
