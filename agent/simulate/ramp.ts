// When each virtual target starts: spread over the ramp-up, each with its own jitter, so a swarm neither
// stampedes the master at once nor polls in lockstep.

/** Start delays (ms) for `count` targets: one slot each over `rampUpMs`, at a random point inside its slot. */
export function startDelays(count: number, rampUpMs: number, random: () => number = Math.random): number[] {
  const slot = count > 0 ? Math.max(rampUpMs, 0) / count : 0
  return Array.from({ length: count }, (_, i) => Math.floor((i + random()) * slot))
}

/** Without --ramp-up: 100 targets a second, at most 30 s. */
export function defaultRampUpSeconds(count: number): number {
  return Math.min(30, count / 100)
}

/** Names PREFIX-0001 ... PREFIX-1000: zero-padded to the width of the count, so they sort as they number. */
export function virtualTargetNames(prefix: string, count: number): string[] {
  const width = String(count).length
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(width, '0')}`)
}
