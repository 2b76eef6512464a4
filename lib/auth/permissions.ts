// Who may do what: every action of the dashboard, the JSON reads and the msx CLI names one of these permissions,
// and this table is the only place that says which roles hold it.
import { forbidden } from '../msx/errors'
import { ROLE_LABELS, type Role } from './roles'

const EVERYONE: readonly Role[] = ['administrator', 'operator', 'viewer']
const OPERATORS: readonly Role[] = ['administrator', 'operator']
const ADMINISTRATORS: readonly Role[] = ['administrator']

export const PERMISSIONS = {
  /** see target servers, instructions, jobs, history and the activity log */
  read: { roles: EVERYONE, what: 'see the fleet' },
  /** one's own password and API tokens */
  'self.manage': { roles: EVERYONE, what: 'manage their own password and API tokens' },
  'targets.force-poll': { roles: OPERATORS, what: 'force target servers to poll' },
  'instructions.post': { roles: OPERATORS, what: 'post instructions' },
  'instructions.manage': { roles: OPERATORS, what: 'delete download instructions or clear their errors' },
  'targets.resync': { roles: OPERATORS, what: 're-synchronize target servers' },
  'jobs.run': { roles: OPERATORS, what: 'start or stop jobs' },
  'enlistment.decide': { roles: OPERATORS, what: 'enlist or reject target servers' },
  'enlistment.tokens': { roles: OPERATORS, what: 'create enlistment tokens' },
  'targets.defect': { roles: ADMINISTRATORS, what: 'defect target servers' },
  'targets.force-defect': { roles: ADMINISTRATORS, what: 'force the defection of target servers' },
  'targets.edit': { roles: ADMINISTRATORS, what: 'change target server properties' },
  'groups.edit': { roles: ADMINISTRATORS, what: 'change target server groups' },
  'jobs.edit': { roles: ADMINISTRATORS, what: 'create, change or delete jobs' },
  'users.manage': { roles: ADMINISTRATORS, what: 'manage users and their API tokens' },
  'master.edit': { roles: ADMINISTRATORS, what: "change the master server's name and default polling interval" },
  'master.dismantle': { roles: ADMINISTRATORS, what: 'dismantle the multiserver configuration' },
  'wizard.run': {
    roles: ADMINISTRATORS,
    what: 'run the Master Server Wizard (it sets up the MSXOperator and enlists target servers)',
  },
  'operator.edit': {
    roles: ADMINISTRATORS,
    what: 'change the MSXOperator or the mail server, or send test notifications',
  },
} as const satisfies Record<string, { roles: readonly Role[]; what: string }>

export type Permission = keyof typeof PERMISSIONS

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].roles.includes(role)
}

/** Why a role may not do something, in words for the person who tried. */
export function refusalReason(role: Role, permission: Permission): string {
  const { roles, what } = PERMISSIONS[permission]
  const who = roles.map((r) => `${ROLE_LABELS[r].toLowerCase()}s`).join(' and ')
  return `${ROLE_LABELS[role]}s may not ${what}: only ${who} may. Ask an administrator.`
}

/** Refuses, with the reason, when the role does not hold the permission. */
export function authorize(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw forbidden(refusalReason(role, permission))
}

/** Posting some operations is more than posting: it defects a target, or changes or runs a job. */
const OPERATION_PERMISSIONS: Partial<Record<string, Permission>> = {
  DEFECT: 'targets.defect',
  INSERT: 'jobs.edit',
  UPDATE: 'jobs.edit',
  DELETE: 'jobs.edit',
  START: 'jobs.run',
  STOP: 'jobs.run',
}

/** The permission posting this operation needs beyond instructions.post, if any. */
export function furtherPermissionToPost(operation: string): Permission | undefined {
  return OPERATION_PERMISSIONS[operation.trim().toUpperCase()]
}
