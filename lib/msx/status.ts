// Target status as sp_help_targetserver computes it, plus the states this product adds.
export const TARGET_STATES = ['ENLISTED', 'PENDING', 'DEFECTING', 'RESYNC_PENDING'] as const
export type TargetState = (typeof TARGET_STATES)[number]

export const TARGET_STATUSES = [
  'Normal',
  'Suspected offline',
  'Blocked',
  'Pending enlistment',
  'Defecting',
  'Re-sync pending',
] as const
export type TargetStatus = (typeof TARGET_STATUSES)[number]

/** A target is suspected offline when its last poll is older than this many poll intervals. */
export const OFFLINE_AFTER_POLL_INTERVALS = 3

/** When a target that last showed life at `since` becomes "Suspected offline" (stored, so lists filter on it). */
export function suspectOfflineAt(since: Date, pollIntervalSeconds: number): Date {
  return new Date(since.getTime() + OFFLINE_AFTER_POLL_INTERVALS * pollIntervalSeconds * 1000)
}

export interface StatusInput {
  state: string
  lastPollAt: Date | null
  enlistedAt: Date
  suspectOfflineAt: Date
  pollIntervalSeconds: number
  /** the first instruction of this target that carries an error, if any */
  blockingInstruction: { id: number; errorMessage: string } | null
}

export interface StatusResult {
  status: TargetStatus
  /** why, in a sentence (shown as the badge's tooltip) */
  reason: string
}

export function targetStatus(target: StatusInput, now: Date): StatusResult {
  if (target.state === 'PENDING')
    return {
      status: 'Pending enlistment',
      reason: 'Enlisted on the master; the agent has not collected its certificate yet.',
    }
  if (target.state === 'DEFECTING')
    return { status: 'Defecting', reason: 'A DEFECT instruction is posted; the target defects at its next poll.' }
  if (target.blockingInstruction)
    return {
      status: 'Blocked',
      reason: `Instruction ${target.blockingInstruction.id} failed: ${target.blockingInstruction.errorMessage} Delete or clear it, or re-synchronize the target, to resume downloads.`,
    }
  const since = target.lastPollAt ?? target.enlistedAt
  const silentMs = now.getTime() - since.getTime()
  if (now.getTime() > target.suspectOfflineAt.getTime()) {
    const what = target.lastPollAt
      ? `last poll ${formatAge(silentMs)} ago`
      : `never polled since enlisting ${formatAge(silentMs)} ago`
    return {
      status: 'Suspected offline',
      reason: `Suspected offline: ${what}, more than ${OFFLINE_AFTER_POLL_INTERVALS} x its ${target.pollIntervalSeconds} s interval.`,
    }
  }
  // enlisted on the master, but its agent has not polled yet: it is not known to work until it does
  if (target.state === 'ENLISTED' && !target.lastPollAt)
    return {
      status: 'Pending enlistment',
      reason: 'Enlisted; waiting for its first poll. It shows Normal once its agent polls (msx-agent run).',
    }
  if (target.state === 'RESYNC_PENDING')
    return {
      status: 'Re-sync pending',
      reason: 'Re-synchronization posted; the target has not downloaded all of it yet.',
    }
  return {
    status: 'Normal',
    reason: `Polled ${formatAge(silentMs)} ago.`,
  }
}

/** The target's local time now: its local time at last poll plus the time elapsed since. */
export function targetLocalTime(
  target: { lastPollAt: Date | null; localTimeAtLastPoll: Date | null },
  now: Date,
): Date | null {
  if (!target.lastPollAt || !target.localTimeAtLastPoll) return null
  return new Date(target.localTimeAtLastPoll.getTime() + (now.getTime() - target.lastPollAt.getTime()))
}

export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 90) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 90) return `${minutes} min`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} h`
  return `${Math.round(hours / 24)} days`
}

/**
 * The same rule as targetStatus, as a database filter: targets whose status is `status` at `now`.
 * Kept next to targetStatus so the two cannot drift (a test checks they agree).
 */
export function statusFilter(status: TargetStatus, now: Date) {
  // failedInstructions counts the target's instructions that carry an error message (kept by the database). "No
  // error" is a range and "enlisted" is "none of the other states", not equalities: SQLite then pages a mostly-Normal
  // fleet in the sort's index order, and finds the never-polled by their last poll, instead of reading every
  // enlisted target through the state index.
  const hasError = { failedInstructions: { gt: 0 } }
  const noError = { failedInstructions: { lt: 1 } }
  const enlisted = { state: { notIn: TARGET_STATES.filter((state) => state !== 'ENLISTED') } }
  const live = { state: { notIn: ['PENDING', 'DEFECTING'] } }
  switch (status) {
    case 'Pending enlistment':
      return {
        OR: [
          { state: 'PENDING' },
          { AND: [enlisted, { lastPollAt: null }, noError, { suspectOfflineAt: { gte: now } }] },
        ],
      }
    case 'Defecting':
      return { state: 'DEFECTING' }
    case 'Blocked':
      return { AND: [live, hasError] }
    case 'Suspected offline':
      return { AND: [live, noError, { suspectOfflineAt: { lt: now } }] }
    case 'Re-sync pending':
      return { AND: [{ state: 'RESYNC_PENDING' }, noError, { suspectOfflineAt: { gte: now } }] }
    case 'Normal':
      return {
        AND: [enlisted, { lastPollAt: { not: null } }, noError, { suspectOfflineAt: { gte: now } }],
      }
  }
}
