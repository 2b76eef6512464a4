// The three roles of the dashboard and the msx CLI, from most to least trusted.
import { z } from 'zod'

export const ROLES = ['administrator', 'operator', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const roleSchema = z.enum(ROLES, { error: 'role must be administrator, operator or viewer' })

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  operator: 'Operator',
  viewer: 'Viewer',
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  administrator: 'Everything, users included.',
  operator: 'Post instructions, force polls, start and stop jobs, enlist or reject targets.',
  viewer: 'Read only.',
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
