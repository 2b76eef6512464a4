'use client'

import { FolderTreeIcon } from 'lucide-react'
import type { Ability } from '@/components/auth/ability'
import { ListError, ListLoading } from '@/components/data-table/list-states'
import { FormMessage } from '@/components/forms/field'
import { useServerAction } from '@/components/forms/use-server-action'
import { useGroupList } from '@/components/live/live-queries'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'
import { sameName } from '@/lib/msx/names'
import { cn } from '@/lib/utils'
import { deleteGroupAction, renameGroupAction } from './actions'
import { GroupRowActions } from './group-row-actions'

/** The master's groups with their member and job counts; choosing one shows its members. */
export function GroupsList({
  ability,
  selected,
  onSelect,
}: {
  ability: Ability
  selected: string | undefined
  onSelect: (group: string | null) => void
}) {
  const { data, error, refetch } = useGroupList()
  const { run, pending, outcome } = useServerAction()
  if (!data) return error ? <ListError error={error} onRetry={() => refetch()} /> : <ListLoading />
  const isSelected = (name: string) => sameName(name, selected)
  return (
    <div className="grid gap-2">
      <FormMessage state={outcome} />
      {data.rows.length === 0 ? (
        <EmptyState icon={FolderTreeIcon} title="No groups yet">
          <p>A group names a set of target servers, so a job can target all of them at once.</p>
        </EmptyState>
      ) : (
        <Table aria-label="Target server groups">
          <TableHeader>
            <TableRow>
              <TableHead>Group</TableHead>
              <TableHead className="text-right">Members</TableHead>
              <TableHead className="text-right">Jobs</TableHead>
              <TableHead className="text-right">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.rows.map((group) => (
              <TableRow key={group.id} data-state={isSelected(group.name) ? 'selected' : undefined}>
                <th scope="row" className="px-2.5 py-2 text-left font-normal first:pl-4">
                  <button
                    type="button"
                    aria-current={isSelected(group.name) ? 'true' : undefined}
                    onClick={() => onSelect(group.name)}
                    className={cn(
                      'rounded-sm text-left font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50',
                      isSelected(group.name) && 'text-primary',
                    )}
                  >
                    {group.name}
                  </button>
                </th>
                <TableCell className="text-right tabular-nums">{group.members}</TableCell>
                <TableCell className="text-right tabular-nums">{group.jobs}</TableCell>
                <TableCell>
                  <GroupRowActions
                    group={group}
                    ability={ability}
                    pending={pending}
                    onRename={(newName) =>
                      run(
                        () => renameGroupAction({ name: group.name, newName }),
                        (renamed) => isSelected(group.name) && onSelect(renamed.name),
                      )
                    }
                    onDelete={() =>
                      run(
                        () => deleteGroupAction({ name: group.name }),
                        () => isSelected(group.name) && onSelect(null),
                      )
                    }
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  )
}
