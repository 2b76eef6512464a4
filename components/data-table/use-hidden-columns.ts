'use client'

import { useCallback, useMemo, useState } from 'react'
import { hiddenColumnsCookie } from './hidden-columns'

const A_YEAR_IN_SECONDS = 365 * 24 * 60 * 60

/**
 * The columns of one table that this browser hides: `initial` as the server read them from the cookie, else
 * `defaults` (pass a constant). A change is written back to the cookie for the next visit.
 */
export function useHiddenColumns(table: string, defaults: readonly string[], initial: string[] | null) {
  const [chosen, setChosen] = useState(initial)
  const hidden: ReadonlySet<string> = useMemo(() => new Set(chosen ?? defaults), [chosen, defaults])
  const setHidden = useCallback(
    (next: Iterable<string> | 'default') => {
      const value = next === 'default' ? null : [...next]
      const name = hiddenColumnsCookie(table)
      // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers we support
      document.cookie =
        value === null
          ? `${name}=; max-age=0; path=/; samesite=lax`
          : `${name}=${encodeURIComponent(JSON.stringify(value))}; max-age=${A_YEAR_IN_SECONDS}; path=/; samesite=lax`
      setChosen(value)
    },
    [table],
  )
  return { hidden, setHidden, isDefault: chosen === null }
}
