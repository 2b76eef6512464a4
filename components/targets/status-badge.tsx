'use client'

import {
  BanIcon,
  CircleCheckIcon,
  HourglassIcon,
  LogOutIcon,
  type LucideIcon,
  RefreshCwIcon,
  TriangleAlertIcon,
} from 'lucide-react'
import { type BadgeVariant, badgeVariants } from '@/components/ui/badge'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import type { TargetStatus } from '@/lib/msx/status'
import { cn } from '@/lib/utils'

const look: Record<TargetStatus, { variant: BadgeVariant; icon: LucideIcon }> = {
  Normal: { variant: 'green', icon: CircleCheckIcon },
  'Suspected offline': { variant: 'amber', icon: TriangleAlertIcon },
  Blocked: { variant: 'red', icon: BanIcon },
  'Pending enlistment': { variant: 'blue', icon: HourglassIcon },
  Defecting: { variant: 'violet', icon: LogOutIcon },
  'Re-sync pending': { variant: 'sky', icon: RefreshCwIcon },
}

/** A target's status, colored and labelled; why it has that status on hover or focus. */
export function StatusBadge({ status, reason }: { status: TargetStatus; reason: string }) {
  const { variant, icon: Icon } = look[status]
  return (
    <Tooltip>
      <TooltipTrigger className={cn(badgeVariants({ variant }), 'cursor-default')}>
        <Icon aria-hidden />
        {status}
      </TooltipTrigger>
      <TooltipContent side="top" align="start">
        {reason}
      </TooltipContent>
    </Tooltip>
  )
}
