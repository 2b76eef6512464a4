// A run measured against its target's usual duration (the p95 of its recent runs): client-safe, for the browser's
// ticking elapsed time as for the master's lists.

/** A run is "longer than usual" past this many times its target's usual (p95) duration. */
export const LONGER_THAN_USUAL = 2

export function isLongerThanUsual(durationMs: number, usualMs: number | null): boolean {
  return usualMs !== null && usualMs > 0 && durationMs > LONGER_THAN_USUAL * usualMs
}
