'use client'

import type { ComponentProps } from 'react'
import { Button } from '@/components/ui/button'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'
import type { Ability } from './ability'

/** A button that, when the role does not allow its action, stays in place disabled and says why in a tooltip. */
export function GuardedButton({ ability, children, ...props }: { ability: Ability } & ComponentProps<typeof Button>) {
  if (ability.allowed) return <Button {...props}>{children}</Button>
  // neither its action nor `disabled`: a disabled button cannot take focus, and the reason must stay reachable
  const { onClick: _onClick, type: _type, disabled: _disabled, className, ...rest } = props
  // aria-disabled rather than disabled: the button stays focusable, so its tooltip can say why
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button {...rest} type="button" aria-disabled="true" className={cn('cursor-not-allowed opacity-50', className)}>
          {children}
          <span className="sr-only">: {ability.reason}</span>
        </Button>
      </TooltipTrigger>
      <TooltipContent>{ability.reason}</TooltipContent>
    </Tooltip>
  )
}
