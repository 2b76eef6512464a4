// A check's verdict as a badge with an icon and a word, never colour alone: the master's checks and each target's
// compatibility checks say it alike.
import { CircleCheckIcon, CircleXIcon, type LucideIcon, TriangleAlertIcon } from 'lucide-react'
import { type BadgeVariant, badgeVariants } from '@/components/ui/badge'
import { cn } from '@/lib/utils'

export type CheckVerdict = 'pass' | 'warn' | 'fail'

const look: Record<CheckVerdict, { word: string; variant: BadgeVariant; icon: LucideIcon }> = {
  pass: { word: 'Pass', variant: 'green', icon: CircleCheckIcon },
  warn: { word: 'Warning', variant: 'amber', icon: TriangleAlertIcon },
  fail: { word: 'Failed', variant: 'red', icon: CircleXIcon },
}

/** The colour of a fix sentence beside a verdict. */
export const fixTone: Record<CheckVerdict, string> = {
  pass: '',
  warn: 'text-amber-800 dark:text-amber-300',
  fail: 'text-destructive',
}

export function CheckStatus({
  status,
  label,
  className,
}: {
  status: CheckVerdict
  label?: string
  className?: string
}) {
  const { word, variant, icon: Icon } = look[status]
  return (
    <span className={cn(badgeVariants({ variant }), 'shrink-0', className)}>
      <Icon aria-hidden />
      {label ?? word}
    </span>
  )
}
