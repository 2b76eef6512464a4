'use client'

// One live-query hook per resource: each applies the user's auto-refresh setting, so no view can forget it.
import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query'
import type {
  AuditListParams,
  InstructionListParams,
  JobListParams,
  RunningParams,
  TargetListParams,
} from '@/lib/query/keys'
import {
  auditListOptions,
  enlistmentTokensOptions,
  groupListOptions,
  instructionListOptions,
  jobListOptions,
  pendingRequestsOptions,
  runningListOptions,
  targetDetailsOptions,
  targetListOptions,
  wizardRequestsOptions,
} from '@/lib/query/lists'
import { useLiveRefresh } from './refresh-context'

function useLiveQuery<T, K extends QueryKey>(options: UseQueryOptions<T, Error, T, K>) {
  const { intervalMs } = useLiveRefresh()
  return useQuery({ ...options, refetchInterval: intervalMs ?? false })
}

export const useTargetList = (query: TargetListParams) => useLiveQuery(targetListOptions(query))
export const useTargetDetails = (name: string) => useLiveQuery(targetDetailsOptions(name))
export const useInstructionList = (query: InstructionListParams) => useLiveQuery(instructionListOptions(query))
export const useJobList = (query: JobListParams) => useLiveQuery(jobListOptions(query))
export const useRunningList = (query: RunningParams) => useLiveQuery(runningListOptions(query))
export const useAuditList = (query: AuditListParams) => useLiveQuery(auditListOptions(query))
export const useGroupList = () => useLiveQuery(groupListOptions())
export const usePendingRequests = () => useLiveQuery(pendingRequestsOptions())
export const useWizardRequests = () => useLiveQuery(wizardRequestsOptions())
export const useEnlistmentTokens = ({ enabled }: { enabled: boolean }) =>
  useLiveQuery({ ...enlistmentTokensOptions(), enabled })
