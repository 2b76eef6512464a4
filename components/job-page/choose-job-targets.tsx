'use client'

// Some of a job's target servers, chosen by name: searched on the master, twenty at a time, the chosen ones kept
// above the search whatever is typed.
import { XIcon } from 'lucide-react'
import { useEffect, useState } from 'react'
import { SearchInput } from '@/components/data-table/search-input'
import { findJobTargetsAction } from './actions'

export function ChooseJobTargets({
  job,
  chosen,
  onChange,
}: {
  job: string
  chosen: string[]
  onChange: (chosen: string[]) => void
}) {
  const [search, setSearch] = useState('')
  const [found, setFound] = useState<{ names: string[]; total: number } | { error: string } | null>(null)

  useEffect(() => {
    let current = true
    setFound(null)
    findJobTargetsAction({ name: job, search }).then(
      (answer) => current && setFound(answer.ok ? answer.data : { error: answer.message }),
    )
    return () => {
      current = false
    }
  }, [job, search])

  const toggle = (target: string, on: boolean) =>
    onChange(on ? [...chosen, target] : chosen.filter((t) => t !== target))

  return (
    <div className="ml-6 grid gap-2">
      {chosen.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Chosen target servers">
          {chosen.map((target) => (
            <li
              key={target}
              className="flex items-center gap-1 rounded-md border bg-muted px-1.5 py-0.5 font-mono text-[13px]"
            >
              {target}
              <button
                type="button"
                onClick={() => toggle(target, false)}
                aria-label={`Remove ${target}`}
                className="rounded-sm text-muted-foreground hover:text-foreground focus-visible:outline-2"
              >
                <XIcon aria-hidden className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <SearchInput
        value={search}
        onChange={setSearch}
        label="Find target servers of the job"
        placeholder="Target server name…"
        className="w-full"
      />
      {found === null ? (
        <p className="text-sm text-muted-foreground">Looking for target servers…</p>
      ) : 'error' in found ? (
        <p role="alert" className="text-sm text-destructive">
          {found.error}
        </p>
      ) : found.names.length === 0 ? (
        <p className="text-sm text-muted-foreground">No target server of the job matches “{search}”.</p>
      ) : (
        <>
          <ul className="grid max-h-40 gap-1 overflow-auto" aria-label="Target servers to start on">
            {found.names.map((target) => (
              <li key={target}>
                <label className="flex items-center gap-2 font-mono text-[13px]">
                  <input
                    type="checkbox"
                    checked={chosen.includes(target)}
                    onChange={(event) => toggle(target, event.target.checked)}
                    className="size-4 accent-primary"
                  />
                  {target}
                </label>
              </li>
            ))}
          </ul>
          {found.total > found.names.length && (
            <p className="text-xs text-muted-foreground">
              {found.names.length} of {found.total.toLocaleString('en-US')} shown: type more of a name to find others.
            </p>
          )}
        </>
      )}
    </div>
  )
}
