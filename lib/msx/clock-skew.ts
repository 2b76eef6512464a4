// How far a target's clock may be from the master's before msx-agent doctor reports it: schedules fire by the
// target's clock, so a few seconds off already moves a job's start.
/** A skew at or under this is fine; above it, synchronize the clock (NTP) or post SYNC-TIME. */
export const CLOCK_SKEW_TOLERANCE_MS = 5_000

export function clockSkewAcceptable(skewMs: number): boolean {
  return Math.abs(skewMs) <= CLOCK_SKEW_TOLERANCE_MS
}
