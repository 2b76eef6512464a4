'use client'

import { QueryClientProvider } from '@tanstack/react-query'
import { ThemeProvider } from 'next-themes'
import { type ReactNode, useEffect } from 'react'
import { DateLocaleProvider } from '@/components/format/date-locale'
import { TooltipProvider } from '@/components/ui/tooltip'
import { getQueryClient } from '@/lib/query/query-client'

/** Marks the page interactive once React has hydrated it (browser tests wait for it before they act). */
function useHydratedMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
}

export function Providers({ children, nonce, locale }: { children: ReactNode; nonce?: string; locale: string }) {
  // not useState: without a Suspense boundary above, React would drop a client made during a suspended render
  const queryClient = getQueryClient()
  useHydratedMark()
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
        <TooltipProvider>
          <DateLocaleProvider locale={locale}>{children}</DateLocaleProvider>
        </TooltipProvider>
      </ThemeProvider>
    </QueryClientProvider>
  )
}
