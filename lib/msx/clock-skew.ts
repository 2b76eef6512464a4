// How far a target's clock may be from the master's before msx-agent doctor reports it: schedules fire by the
// target's clock, so a few seconds off already moves a job's start.
/** A skew at or under this is fine; above it, synchronize the clock (NTP) or post SYNC-TIME. */
export const CLOCK_SKEW_TOLERANCE_MS = 5_000

export function clockSkewAcceptable(skewMs: number): boolean {
  return Math.abs(skewMs) <= CLOCK_SKEW_TOLERANCE_MS
}

/** The agent's clock minus the master's, from the local time it sent; null when it sent none. */
export function clockSkewOf(localTime: string | undefined, masterNowMs = Date.now()): number | null {
  if (localTime === undefined) return null
  const at = Date.parse(localTime)
  return Number.isNaN(at) ? null : at - masterNowMs
}
