'use client'

import { MenuIcon } from 'lucide-react'
import { usePathname } from 'next/navigation'
import { type MouseEvent, type ReactNode, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from '@/components/ui/sheet'

/**
 * The navigation of a narrow screen, behind a menu button. It is open only on the page it was opened on, so any
 * navigation (a link, Back) closes it; a link to the page already shown closes it too.
 */
export function NavigationSheet({ children }: { children: ReactNode }) {
  const pathname = usePathname()
  const [openOn, setOpenOn] = useState<string | null>(null)
  const closeOnLink = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('a[href]')) setOpenOn(null)
  }
  return (
    <Sheet open={openOn === pathname} onOpenChange={(open) => setOpenOn(open ? pathname : null)}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Open navigation">
          <MenuIcon aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent aria-describedby={undefined} closeLabel="Close navigation" onClick={closeOnLink}>
        <SheetTitle className="sr-only">Navigation</SheetTitle>
        {children}
      </SheetContent>
    </Sheet>
  )
}
