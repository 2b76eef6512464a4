'use client'

import { LockIcon } from 'lucide-react'
import type { Ability } from '@/components/auth/ability'
import { useUrlState } from '@/components/data-table/use-url-state'
import { Card, CardContent } from '@/components/ui/card'
import type { TargetListParams } from '@/lib/query/keys'
import { CreateGroupForm } from './create-group-form'
import { GroupMembers } from './group-members'
import { GroupsList } from './groups-list'

/** The groups and, for the one chosen (in the URL), its members. */
export function GroupsView({ query, ability }: { query: TargetListParams; ability: Ability }) {
  const { update } = useUrlState()
  const select = (group: string | null) => update({ group, search: null, pageSize: null })
  return (
    <div className="grid grid-cols-1 items-start gap-5 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
      <Card>
        <CardContent className="grid gap-4 pt-6">
          {!ability.allowed && (
            <p role="note" className="flex items-start gap-2 rounded-md bg-muted/50 p-3 text-sm">
              <LockIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>Read-only: {ability.reason}</span>
            </p>
          )}
          <CreateGroupForm ability={ability} onCreated={select} />
          <GroupsList ability={ability} selected={query.group} onSelect={select} />
        </CardContent>
      </Card>
      {query.group ? (
        <GroupMembers query={{ ...query, group: query.group }} ability={ability} onChange={update} />
      ) : (
        <p className="rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">
          Choose a group to see and change its members.
        </p>
      )}
    </div>
  )
}
