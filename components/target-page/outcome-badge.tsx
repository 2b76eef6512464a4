import { Badge, type BadgeVariant } from '@/components/ui/badge'
import type { RunOutcomeLabel } from '@/lib/msx/run-outcomes'

const variant: Record<RunOutcomeLabel, BadgeVariant> = {
  Failed: 'red',
  Succeeded: 'green',
  Retry: 'amber',
  Canceled: 'gray',
  'In progress': 'blue',
  Unknown: 'gray',
}

export function OutcomeBadge({ outcome }: { outcome: RunOutcomeLabel }) {
  return <Badge variant={variant[outcome]}>{outcome}</Badge>
}
