// The query-key factory: every key of the dashboard's live views, and what a server action names as stale.
import type { z } from 'zod'
import type { auditListQuery } from '@/lib/msx/audit-list'
import type { instructionListQuery } from '@/lib/msx/instructions'
import type { jobListQuery } from '@/lib/msx/job-table'
import type { runningQuery } from '@/lib/msx/jobs-running'
import { nameKey } from '@/lib/msx/names'
import type { targetListQuery } from '@/lib/msx/target-list'

export type TargetListParams = z.output<typeof targetListQuery>
export type AuditListParams = z.output<typeof auditListQuery>
export type InstructionListParams = z.output<typeof instructionListQuery>
export type JobListParams = z.output<typeof jobListQuery>
export type RunningParams = z.output<typeof runningQuery>

// Keys are built from the parsed (defaulted) query, so the server prefetch and the browser read agree.
export const targetKeys = {
  all: ['targets'] as const,
  lists: () => [...targetKeys.all, 'list'] as const,
  list: (query: TargetListParams) => [...targetKeys.lists(), query] as const,
  /** how many target servers an instruction would reach, as the Post Instructions dialog asks */
  recipientCount: (input: object) => [...targetKeys.all, 'recipient-count', input] as const,
}

// Under targetKeys.all, so a change that refreshes every target view refreshes a target's page too.
export const targetDetailKeys = {
  all: () => [...targetKeys.all, 'detail'] as const,
  detail: (name: string) => [...targetDetailKeys.all(), nameKey(name)] as const,
}

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: AuditListParams) => [...auditKeys.lists(), query] as const,
}

export const enlistmentKeys = {
  all: ['enlistment'] as const,
  pending: () => [...enlistmentKeys.all, 'pending'] as const,
  tokens: () => [...enlistmentKeys.all, 'tokens'] as const,
  /** the Master Server Wizard's two lists of pending requests */
  wizard: () => [...enlistmentKeys.all, 'wizard'] as const,
}

export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (query: JobListParams) => [...jobKeys.lists(), query] as const,
  /** Running now, and a job's own runs in progress (its History), under jobKeys.all: the "jobs" notices refresh them */
  running: (query: RunningParams) => [...jobKeys.all, 'running', query] as const,
}

export const groupKeys = {
  all: ['groups'] as const,
  list: () => [...groupKeys.all, 'list'] as const,
}

export const instructionKeys = {
  all: ['instructions'] as const,
  lists: () => [...instructionKeys.all, 'list'] as const,
  list: (query: InstructionListParams) => [...instructionKeys.lists(), query] as const,
}

/** The page's server-rendered part (Users, Your account), which no query holds: refreshed with router.refresh(). */
export const SERVER_RENDERED = ['server-rendered'] as const
