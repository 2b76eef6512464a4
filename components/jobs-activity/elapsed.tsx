'use client'

// A run's elapsed time, ticking every second from the master's figure at the last read, so the browser's clock
// (which may differ from the master's) only measures the time since.
import { TimerIcon } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useHydrated } from '@/components/format/use-now'
import { formatDuration } from '@/components/target-page/format'
import { isLongerThanUsual } from '@/lib/msx/usual-duration'

function useSecondTick(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}

export function useElapsed(elapsedMs: number, readAt: number): number {
  const now = useSecondTick()
  const hydrated = useHydrated()
  return hydrated && readAt > 0 ? elapsedMs + Math.max(0, now - readAt) : elapsedMs
}

/** Elapsed, with the "longer than usual" flag once it is over twice the target's usual duration. */
export function Elapsed({ elapsedMs, readAt, usualMs }: { elapsedMs: number; readAt: number; usualMs: number | null }) {
  const elapsed = useElapsed(elapsedMs, readAt)
  // rounded to whole seconds, so the text changes once a second whatever the milliseconds
  const shown = elapsed < 1000 ? 0 : Math.floor(elapsed / 1000) * 1000
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-0.5">
      <span className="tabular-nums" suppressHydrationWarning>
        {shown === 0 ? '0 s' : formatDuration(shown)}
      </span>
      {isLongerThanUsual(elapsed, usualMs) && (
        <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-700 dark:text-amber-400">
          <TimerIcon className="size-3.5" aria-hidden />
          Longer than usual
        </span>
      )}
    </span>
  )
}
