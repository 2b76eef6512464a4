// The query options of each live view (key and JSON read); the live-query hooks add the user's refresh setting.
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { listAuditEvents } from '@/lib/msx/audit-list'
import type { PendingRequestList } from '@/lib/msx/enlistment-request-list'
import type { EnlistmentTokenList } from '@/lib/msx/enlistment-tokens'
import type { GroupList } from '@/lib/msx/group-list'
import type { InstructionList } from '@/lib/msx/instructions'
import type { JobList } from '@/lib/msx/job-table'
import type { RunningList } from '@/lib/msx/jobs-running'
import type { StaleDownloads } from '@/lib/msx/stale-downloads'
import type { TargetDetails } from '@/lib/msx/target-details'
import type { TargetList } from '@/lib/msx/target-list'
import type { WizardRequestLists } from '@/lib/msx/wizard-requests'
import {
  type AuditListParams,
  auditKeys,
  enlistmentKeys,
  groupKeys,
  type InstructionListParams,
  instructionKeys,
  type JobListParams,
  jobKeys,
  type RunningParams,
  type TargetListParams,
  targetDetailKeys,
  targetKeys,
} from './keys'
import { toQueryString } from './url'

export type AuditList = Awaited<ReturnType<typeof listAuditEvents>>

/** The Download Instructions tab: a page of the list, and the targets that leave instructions waiting. */
export type InstructionsView = InstructionList & { stale: StaleDownloads }

/** Reads a JSON route, throwing the route's own error sentence when it refuses. */
export async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null
    throw new Error(body?.error ?? `The master answered ${response.status} ${response.statusText}.`)
  }
  return response.json() as Promise<T>
}

// The browser reads through the JSON routes; the server prefetch passes its own queryFn for the same key.
export const targetListOptions = (query: TargetListParams) =>
  queryOptions({
    queryKey: targetKeys.list(query),
    queryFn: () => fetchJson<TargetList>(`/api/targets?${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  })

export const auditListOptions = (query: AuditListParams) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: () => fetchJson<AuditList>(`/api/activity?${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  })

export const pendingRequestsOptions = () =>
  queryOptions({
    queryKey: enlistmentKeys.pending(),
    queryFn: () => fetchJson<PendingRequestList>('/api/enlistment-requests'),
  })

export const enlistmentTokensOptions = () =>
  queryOptions({
    queryKey: enlistmentKeys.tokens(),
    queryFn: () => fetchJson<EnlistmentTokenList>('/api/enlistment-tokens'),
  })

export const jobListOptions = (query: JobListParams) =>
  queryOptions({
    queryKey: jobKeys.list(query),
    queryFn: () => fetchJson<JobList>(`/api/jobs?${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  })

export const runningListOptions = (query: RunningParams) =>
  queryOptions({
    queryKey: jobKeys.running(query),
    queryFn: () => fetchJson<RunningList>(`/api/jobs/running?${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  })

export const wizardRequestsOptions = () =>
  queryOptions({
    queryKey: enlistmentKeys.wizard(),
    queryFn: () => fetchJson<WizardRequestLists>('/api/wizard/requests'),
  })

export const groupListOptions = () =>
  queryOptions({
    queryKey: groupKeys.list(),
    queryFn: () => fetchJson<GroupList>('/api/groups'),
  })

export const instructionListOptions = (query: InstructionListParams) =>
  queryOptions({
    queryKey: instructionKeys.list(query),
    queryFn: () => fetchJson<InstructionsView>(`/api/instructions?${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  })

export const targetDetailsOptions = (name: string) =>
  queryOptions({
    queryKey: targetDetailKeys.detail(name),
    queryFn: () => fetchJson<TargetDetails>(`/api/targets/${encodeURIComponent(name)}`),
  })
