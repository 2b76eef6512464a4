// The checks of the master as a list: each row says its verdict in a word beside the icon, never by colour alone.
import { CircleCheckIcon, CircleXIcon, type LucideIcon, TriangleAlertIcon } from 'lucide-react'
import { type BadgeVariant, badgeVariants } from '@/components/ui/badge'
import type { MasterCheck, MasterCheckStatus } from '@/lib/msx/master-checks'
import { cn } from '@/lib/utils'

const look: Record<MasterCheckStatus, { word: string; variant: BadgeVariant; icon: LucideIcon; fix: string }> = {
  pass: { word: 'Pass', variant: 'green', icon: CircleCheckIcon, fix: '' },
  warn: { word: 'Warning', variant: 'amber', icon: TriangleAlertIcon, fix: 'text-amber-800 dark:text-amber-300' },
  fail: { word: 'Failed', variant: 'red', icon: CircleXIcon, fix: 'text-destructive' },
}

export function MasterCheckList({ checks }: { checks: MasterCheck[] }) {
  return (
    <ul aria-label="Checks of the master" className="divide-y rounded-xl border bg-card text-card-foreground">
      {checks.map((check) => {
        const { word, variant, icon: Icon, fix } = look[check.status]
        return (
          <li key={check.id} className="flex flex-col gap-1.5 p-4">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className={cn(badgeVariants({ variant }), 'min-w-20')}>
                <Icon aria-hidden />
                {word}
              </span>
              <p className="font-medium">{check.title}</p>
            </div>
            <p className="text-sm text-muted-foreground wrap-anywhere">{check.summary}</p>
            {check.status !== 'pass' && check.fix && (
              <p className={cn('text-sm wrap-anywhere', fix)}>
                <span className="font-medium">Fix: </span>
                {check.fix}
              </p>
            )}
          </li>
        )
      })}
    </ul>
  )
}
