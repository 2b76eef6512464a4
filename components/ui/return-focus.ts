'use client'

import { useRef } from 'react'

type FocusHandlers = { onOpenAutoFocus?: (event: Event) => void; onCloseAutoFocus?: (event: Event) => void }

/**
 * A dialog gives the focus back to whatever had it when it opened. Radix returns it only to the dialog's own
 * Trigger, and most dialogs here open from state (a toolbar button, a row action), where the focus would be
 * left nowhere after Escape or Cancel. A caller's own handler that prevents the default still decides.
 */
export function useReturnFocus(handlers: FocusHandlers): Required<FocusHandlers> {
  const opener = useRef<HTMLElement | null>(null)
  return {
    onOpenAutoFocus: (event) => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      handlers.onOpenAutoFocus?.(event)
    },
    onCloseAutoFocus: (event) => {
      handlers.onCloseAutoFocus?.(event)
      if (event.defaultPrevented) return
      event.preventDefault()
      opener.current?.focus()
    },
  }
}
