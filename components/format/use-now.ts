'use client'

import { useSyncExternalStore } from 'react'

// One clock for every relative time on the page, so "3 minutes ago" keeps moving between refreshes.
const TICK_MS = 10_000
let now = 0
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(listener: () => void) {
  listeners.add(listener)
  if (!timer) {
    now = Date.now()
    timer = setInterval(() => {
      now = Date.now()
      for (const l of listeners) l()
    }, TICK_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

/** The current time, ticking; during the server render and hydration, the time of that render. */
export function useNow(): number {
  const ticked = useSyncExternalStore(
    subscribe,
    () => now,
    () => 0,
  )
  return ticked || Date.now()
}

const noSubscription = () => () => {}

/**
 * False on the server and during hydration, true after. Text that depends on the browser (its time zone)
 * is keyed on it, so the browser's own rendering replaces the server's.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
}
