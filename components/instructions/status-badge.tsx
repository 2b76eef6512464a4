import { CircleCheckIcon, HourglassIcon, type LucideIcon, OctagonAlertIcon } from 'lucide-react'
import { Badge, type BadgeVariant } from '@/components/ui/badge'
import type { InstructionStatus } from '@/lib/msx/instruction-status'

const look: Record<InstructionStatus, { label: string; variant: BadgeVariant; icon: LucideIcon }> = {
  pending: { label: 'Pending', variant: 'blue', icon: HourglassIcon },
  downloaded: { label: 'Downloaded', variant: 'green', icon: CircleCheckIcon },
  error: { label: 'Error', variant: 'red', icon: OctagonAlertIcon },
}

export const statusLabel = (status: InstructionStatus) => look[status].label

export function InstructionStatusBadge({ status }: { status: InstructionStatus }) {
  const { label, variant, icon: Icon } = look[status]
  return (
    <Badge variant={variant}>
      <Icon aria-hidden />
      {label}
    </Badge>
  )
}
