'use client'

// The mark of a pending enlistment request that Enlist would refuse, with why.
import { BanIcon } from 'lucide-react'
import { badgeVariants } from '@/components/ui/badge'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'

/** "Cannot enlist" beside a request that Enlist would refuse, the reason on hover or focus and for screen readers. */
export function CannotEnlistBadge({ reason }: { reason: string }) {
  return (
    <Tooltip>
      <TooltipTrigger className={cn(badgeVariants({ variant: 'red' }), 'cursor-default')}>
        <BanIcon aria-hidden />
        Cannot enlist
        <span className="sr-only">: {reason}</span>
      </TooltipTrigger>
      <TooltipContent side="top" align="start">
        {reason}
      </TooltipContent>
    </Tooltip>
  )
}
