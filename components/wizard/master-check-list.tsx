// The checks of the master as a list: each row says its verdict in a word beside the icon, and its fix.
import type { ReactNode } from 'react'
import type { MasterCheck } from '@/lib/msx/master-checks'
import { cn } from '@/lib/utils'
import { CheckStatus, fixTone } from './check-status'

/** `details`: what a check shows instead of its summary, by the check's id (the firewall rule, to copy). */
export function MasterCheckList({
  checks,
  details = {},
}: {
  checks: MasterCheck[]
  details?: Partial<Record<string, ReactNode>>
}) {
  return (
    <ul aria-label="Checks of the master" className="divide-y rounded-xl border bg-card text-card-foreground">
      {checks.map((check) => (
        <li key={check.id} className="flex flex-col gap-1.5 p-4">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <CheckStatus status={check.status} className="min-w-20" />
            <p className="font-medium">{check.title}</p>
          </div>
          {details[check.id] ?? <p className="text-sm text-muted-foreground wrap-anywhere">{check.summary}</p>}
          {check.status !== 'pass' && check.fix && (
            <p className={cn('text-sm wrap-anywhere', fixTone[check.status])}>
              <span className="font-medium">Fix: </span>
              {check.fix}
            </p>
          )}
        </li>
      ))}
    </ul>
  )
}
