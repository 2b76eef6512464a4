'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useEffect, useRef, useTransition } from 'react'

export type UrlChanges = Record<string, string | number | null | undefined>

/**
 * A list's state (search, filters, sort, page) lives in the URL so a view can be shared and reloaded.
 * Any change other than the page itself goes back to page 1.
 */
export function useUrlState() {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const router = useRouter()
  const [isPending, startTransition] = useTransition()
  // changes made while a navigation is still pending build on each other, not on the URL they replace
  const pending = useRef<URLSearchParams | null>(null)

  useEffect(() => {
    if (pending.current?.toString() === searchParams.toString()) pending.current = null
  }, [searchParams])

  const update = useCallback(
    (changes: UrlChanges) => {
      const next = new URLSearchParams(pending.current ?? searchParams)
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === null || value === '') next.delete(key)
        else next.set(key, String(value))
      }
      if (!('page' in changes)) next.delete('page')
      pending.current = next
      const qs = next.toString()
      startTransition(() => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false }))
    },
    [pathname, router, searchParams],
  )

  return { searchParams, update, isPending }
}
