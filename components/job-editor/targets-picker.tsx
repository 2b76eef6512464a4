'use client'

// Targets: target servers searched on the master (the fleet may be 100,000 strong) and target server groups,
// chosen into the job's list. A job needs at least one of either.
import { useQuery } from '@tanstack/react-query'
import { XIcon } from 'lucide-react'
import { useDeferredValue, useState } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { sameName } from '@/lib/msx/names'
import { groupListOptions, targetListOptions } from '@/lib/query/lists'
import type { JobForm } from './editor-types'

const RESULTS = 8

function Chosen({ label, names, onRemove }: { label: string; names: string[]; onRemove: (name: string) => void }) {
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-medium">
        {label} ({names.length})
      </h3>
      {names.length === 0 ? (
        <p className="text-sm text-muted-foreground">None.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={label}>
          {names.map((name) => (
            <li key={name}>
              <Badge variant="outline" className="gap-1 py-1 pr-1 text-sm">
                {name}
                <button
                  type="button"
                  className="rounded-sm p-0.5 hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50 outline-none"
                  onClick={() => onRemove(name)}
                  aria-label={`Remove ${name}`}
                >
                  <XIcon className="size-3.5" aria-hidden />
                </button>
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function TargetsPicker() {
  const { control, setValue, formState } = useFormContext<JobForm>()
  const targets = useWatch({ control, name: 'targets' }) ?? { servers: [], groups: [] }
  const servers = targets.servers ?? []
  const groups = targets.groups ?? []
  const [search, setSearch] = useState('')
  const query = useDeferredValue(search.trim())
  const found = useQuery({
    ...targetListOptions({ search: query || undefined, sort: 'name', dir: 'asc', page: 1, pageSize: RESULTS }),
  })
  const allGroups = useQuery(groupListOptions())
  const matchingGroups = (allGroups.data?.rows ?? []).filter(
    (g) => !query || g.name.toUpperCase().includes(query.toUpperCase()),
  )
  const set = (next: { servers: string[]; groups: string[] }) =>
    setValue('targets', next, { shouldDirty: true, shouldValidate: formState.isSubmitted })
  const has = (list: string[], name: string) => list.some((n) => sameName(n, name))
  const error = formState.errors.targets?.message ?? formState.errors.targets?.root?.message

  return (
    <div className="grid gap-5">
      {error && (
        <p role="alert" className="rounded-md border border-destructive/50 p-3 text-sm text-destructive">
          {error}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Chosen
          label="Target servers"
          names={servers}
          onRemove={(name) => set({ servers: servers.filter((n) => n !== name), groups })}
        />
        <Chosen
          label="Target server groups"
          names={groups}
          onRemove={(name) => set({ servers, groups: groups.filter((n) => n !== name) })}
        />
      </div>
      <div className="grid gap-2">
        <label htmlFor="target-search" className="text-sm font-medium">
          Find target servers and groups
        </label>
        <Input
          id="target-search"
          type="search"
          placeholder="Name or location"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="sm:w-80"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-label="Matching target servers" className="grid content-start gap-2">
          <h3 className="text-sm font-medium">
            Target servers{found.data ? ` (${found.data.total.toLocaleString('en-US')} match)` : ''}
          </h3>
          {found.isError && <p className="text-sm text-destructive">{found.error.message}</p>}
          <ul className="grid gap-1">
            {(found.data?.rows ?? []).map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-2 rounded-md border px-2 py-1 text-sm">
                <span className="min-w-0 truncate">
                  {t.name}
                  {t.location && <span className="text-muted-foreground"> · {t.location}</span>}
                  <span className="text-muted-foreground"> · {t.status}</span>
                </span>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={has(servers, t.name)}
                  onClick={() => set({ servers: [...servers, t.name], groups })}
                  aria-label={`Add ${t.name}`}
                >
                  {has(servers, t.name) ? 'Added' : 'Add'}
                </Button>
              </li>
            ))}
          </ul>
          {found.data && found.data.total > RESULTS && (
            <p className="text-xs text-muted-foreground">Showing the first {RESULTS}: type more of the name.</p>
          )}
        </section>
        <section aria-label="Matching target server groups" className="grid content-start gap-2">
          <h3 className="text-sm font-medium">Target server groups</h3>
          {matchingGroups.length === 0 && <p className="text-sm text-muted-foreground">No group matches.</p>}
          <ul className="grid gap-1">
            {matchingGroups.slice(0, RESULTS).map((g) => (
              <li key={g.id} className="flex items-center justify-between gap-2 rounded-md border px-2 py-1 text-sm">
                <span className="min-w-0 truncate">
                  {g.name} <span className="text-muted-foreground">· {g.members} members</span>
                </span>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={has(groups, g.name)}
                  onClick={() => set({ servers, groups: [...groups, g.name] })}
                  aria-label={`Add group ${g.name}`}
                >
                  {has(groups, g.name) ? 'Added' : 'Add'}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}
