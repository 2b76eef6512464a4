'use client'

import type { ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import type { Ability } from './abilities'

/** A toolbar button that is disabled, with the reason in a tooltip, when the role does not allow the action. */
export function ManageButton({
  ability,
  disabled,
  onClick,
  icon,
  children,
}: {
  ability: Ability
  disabled: boolean
  onClick: () => void
  icon: ReactNode
  children: string
}) {
  if (ability.allowed)
    return (
      <Button variant="outline" size="sm" disabled={disabled} onClick={onClick}>
        {icon}
        {children}
      </Button>
    )
  // aria-disabled rather than disabled: the button stays focusable, so its tooltip can say why
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button variant="outline" size="sm" aria-disabled="true" className="cursor-not-allowed opacity-50">
          {icon}
          {children}
          <span className="sr-only">: {ability.reason}</span>
        </Button>
      </TooltipTrigger>
      <TooltipContent>{ability.reason}</TooltipContent>
    </Tooltip>
  )
}
