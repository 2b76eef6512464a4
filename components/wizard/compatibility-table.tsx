// Step 4: for each selected request, its agent version, clock, run-as account and encryption, each with a verdict.
import type { CompatibilityResult } from '@/lib/msx/compatibility'
import { CheckStatus } from './check-status'

const verdictWord = { pass: 'Will be enlisted', warn: 'Will be enlisted, with warnings', fail: 'Will not be enlisted' }

export function CompatibilityTable({ results }: { results: CompatibilityResult[] }) {
  if (results.length === 0)
    return (
      <p className="rounded-md border bg-muted/40 p-4 text-sm">
        No pending request is selected, so there is nothing to check. Targets enlisted with a token are enlisted
        already; go back to step 3 to select requests, or go on to Complete.
      </p>
    )
  return (
    <ul className="grid gap-4" aria-label="Compatibility of the selected target servers">
      {results.map((r) => (
        <li key={r.name} className="grid gap-3 rounded-lg border p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-semibold wrap-anywhere">{r.name}</h3>
            <CheckStatus status={r.status} label={verdictWord[r.status]} />
          </div>
          <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
            {r.checks.map((c) => (
              <div key={c.id} className="contents">
                <dt className="font-medium">{c.title}</dt>
                <dd className="grid grid-cols-[5.5rem_minmax(0,1fr)] items-start gap-2">
                  <CheckStatus status={c.status} className="w-full" />
                  <span className="min-w-0 break-words">{c.text}</span>
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  )
}
