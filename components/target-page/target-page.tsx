'use client'

import { ChevronLeftIcon } from 'lucide-react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import type { Ability } from '@/components/auth/ability'
import { ListLoading } from '@/components/data-table/list-states'
import { LiveIndicator } from '@/components/data-table/live-indicator'
import { useTargetDetails } from '@/components/live/live-queries'
import { useLiveRefresh } from '@/components/live/refresh-context'
import { PageHeader } from '@/components/page-header'
import type { TargetAbilities } from '@/components/targets/abilities'
import type { PostableOperation } from '@/components/targets/instruction-types'
import { StatusBadge } from '@/components/targets/status-badge'
import { TargetActions } from '@/components/targets/target-actions'
import { oneTarget } from '@/components/targets/use-target-selection'
import type { TargetPageAbilities } from './abilities'
import { ConnectionCard } from './connection-card'
import { GroupsCard } from './groups-card'
import { HistoryCard } from './history-card'
import { InstructionsCard } from './instructions-card'
import { JobsCard } from './jobs-card'
import { PollHistoryCard } from './poll-history-card'
import { PropertiesCard } from './properties-card'

/** What the toolbar of Target Server Status needs, for the same actions on a target's page. */
export interface TargetPageActions {
  abilities: TargetAbilities
  postAbilities: Record<PostableOperation, Ability>
  /** the master's job names, for Start job and Stop job */
  jobs: string[]
}

/** One target server: its page refreshes itself like the lists do, and has the list's actions for it. */
export function TargetPage({
  name,
  abilities,
  actions,
}: {
  name: string
  abilities: TargetPageAbilities
  actions: TargetPageActions
}) {
  const router = useRouter()
  const live = useLiveRefresh()
  const { data, error, isFetching, dataUpdatedAt } = useTargetDetails(name)
  if (!data) return <ListLoading />
  const { target } = data
  return (
    <>
      <Link
        href="/targets"
        className="flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeftIcon className="size-4" aria-hidden />
        Manage Target Servers
      </Link>
      <PageHeader
        title={target.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={target.status} reason={target.statusReason} />
            <span data-testid="status-reason">{target.statusReason}</span>
          </span>
        }
      >
        <LiveIndicator updatedAt={dataUpdatedAt} fetching={isFetching} intervalMs={live.intervalMs} error={error} />
      </PageHeader>
      <fieldset className="min-w-0">
        <legend className="sr-only">Actions on {target.name}</legend>
        <TargetActions
          selection={oneTarget(target)}
          abilities={actions.abilities}
          postAbilities={actions.postAbilities}
          groups={data.allGroups}
          jobs={actions.jobs}
          countShown={false}
          onForceDefected={() => router.push('/targets')}
        />
      </fieldset>
      <div className="grid grid-cols-1 gap-5 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <PropertiesCard target={target} ability={abilities.editTarget} />
        <div className="flex flex-col gap-5">
          <ConnectionCard facts={data.connection} />
          <GroupsCard
            target={target.name}
            groups={data.groups}
            allGroups={data.allGroups}
            ability={abilities.editGroups}
          />
          <PollHistoryCard polls={data.polls} />
        </div>
      </div>
      <JobsCard jobs={data.jobs} />
      <HistoryCard history={data.history} />
      <InstructionsCard target={target.name} instructions={data.instructions} />
    </>
  )
}
