'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { UserPlusIcon } from 'lucide-react'
import { useState } from 'react'
import type { Ability } from '@/components/auth/ability'
import { GuardedButton } from '@/components/auth/guarded-button'
import { SearchInput } from '@/components/data-table/search-input'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { sameName } from '@/lib/msx/names'
import { targetListOptions } from '@/lib/query/lists'

const SHOWN = 25

/** Choose target servers by searching the fleet on the server, ticking as many as wanted, then add them at once. */
export function AddMembersDialog({
  group,
  ability,
  pending,
  onAdd,
}: {
  group: string
  ability: Ability
  pending: boolean
  onAdd: (names: string[]) => void
}) {
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const { data } = useQuery({
    ...targetListOptions({ search: search || undefined, sort: 'name', dir: 'asc', page: 1, pageSize: SHOWN }),
    enabled: open,
    refetchInterval: false,
    placeholderData: keepPreviousData,
  })
  const toggle = (name: string, on: boolean) =>
    setChosen((now) => {
      const next = new Set(now)
      on ? next.add(name) : next.delete(name)
      return next
    })
  const isMember = (groups: string[]) => groups.some((g) => sameName(g, group))
  const names = [...chosen]
  return (
    <>
      <GuardedButton ability={ability} size="sm" disabled={pending} onClick={() => setOpen(true)}>
        <UserPlusIcon aria-hidden />
        Add members
      </GuardedButton>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) setChosen(new Set())
        }}
      >
        <DialogContent className="sm:max-w-xl">
          <DialogHeader>
            <DialogTitle>Add target servers to {group}</DialogTitle>
            <DialogDescription>
              Search by name or location and tick the ones to add; they get the group's jobs.
            </DialogDescription>
          </DialogHeader>
          <SearchInput label="Search target servers to add" value={search} onChange={setSearch} />
          <fieldset className="max-h-80 min-w-0 overflow-y-auto rounded-md border">
            <legend className="sr-only">Target servers</legend>
            {data?.rows.map((row) => {
              const member = isMember(row.groups)
              return (
                <label
                  key={row.id}
                  className="flex cursor-pointer items-center gap-3 border-b px-3 py-2 text-sm last:border-b-0 has-disabled:cursor-default has-disabled:opacity-60"
                >
                  <input
                    type="checkbox"
                    className="size-4 shrink-0 accent-primary"
                    checked={member || chosen.has(row.name)}
                    disabled={member}
                    onChange={(e) => toggle(row.name, e.target.checked)}
                  />
                  <span className="min-w-0 font-medium wrap-anywhere">{row.name}</span>
                  <span className="min-w-0 max-w-[40%] shrink-0 truncate text-muted-foreground">
                    {member ? 'already a member' : row.location}
                  </span>
                </label>
              )
            })}
            {data && data.rows.length === 0 && (
              <p className="px-3 py-6 text-center text-sm text-muted-foreground">No target server matches.</p>
            )}
          </fieldset>
          {data && data.total > data.rows.length && (
            <p className="text-xs text-muted-foreground">
              Showing {data.rows.length} of {data.total}: search to narrow the list. Ticks are kept as you search.
            </p>
          )}
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              disabled={names.length === 0 || pending}
              onClick={() => {
                onAdd(names)
                setOpen(false)
                setChosen(new Set())
              }}
            >
              Add {names.length} target server{names.length === 1 ? '' : 's'}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  )
}
