'use client'

import { useCallback, useMemo, useState } from 'react'

/**
 * Rows chosen by name. Only names still listed count as selected: a row that leaves the list (decided,
 * removed by someone else) drops out of the selection instead of being acted on unseen.
 */
export function useRowSelection(listed: readonly string[]) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const selected = useMemo(() => listed.filter((name) => chosen.has(name)), [listed, chosen])
  const toggle = useCallback((names: readonly string[], on: boolean) => {
    setChosen((now) => {
      const next = new Set(now)
      for (const name of names) on ? next.add(name) : next.delete(name)
      return next
    })
  }, [])
  const clear = useCallback(() => setChosen(new Set()), [])
  return { selected, has: (name: string) => chosen.has(name), toggle, clear }
}
