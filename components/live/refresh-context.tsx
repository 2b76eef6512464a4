'use client'

// The signed-in user's auto-refresh choice, shared by every live view of the console.

import { createContext, type ReactNode, useContext, useState } from 'react'
import { DEFAULT_REFRESH_PREFERENCES, type RefreshPreferences } from '@/lib/auth/refresh-preferences'
import { useChangeStream } from './use-change-stream'

interface LiveRefresh {
  preferences: RefreshPreferences
  setPreferences: (next: RefreshPreferences) => void
  /** how often live lists refetch, or null when the user turned auto refresh off */
  intervalMs: number | null
  /** whether the master's change notices reach this tab now (they refresh the lists at once) */
  streaming: boolean
}

const DEFAULT: RefreshPreferences = DEFAULT_REFRESH_PREFERENCES

const LiveRefreshContext = createContext<LiveRefresh>({
  preferences: DEFAULT,
  setPreferences: () => {},
  intervalMs: DEFAULT.refreshSeconds * 1000,
  streaming: false,
})

/** The signed-in user's auto-refresh choice, for every live list of the console (SSMS's two controls). */
export function LiveRefreshProvider({
  initial,
  children,
}: {
  initial: RefreshPreferences | null
  children: ReactNode
}) {
  const [preferences, setPreferences] = useState(initial ?? DEFAULT)
  const intervalMs = preferences.autoRefresh ? preferences.refreshSeconds * 1000 : null
  const streaming = useChangeStream(intervalMs !== null && initial !== null)
  return (
    <LiveRefreshContext.Provider value={{ preferences, setPreferences, intervalMs, streaming }}>
      {children}
    </LiveRefreshContext.Provider>
  )
}

export function useLiveRefresh(): LiveRefresh {
  return useContext(LiveRefreshContext)
}
