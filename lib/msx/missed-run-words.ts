// Why a scheduled run did not happen on a target, or started late: the reason codes of missed runs and the words
// a DBA reads for each, shared by the dashboard and the CLI (no database here).
export const MISSED_REASONS = [
  'offline',
  'blocked',
  'not-downloaded',
  'still-running',
  'paused',
  'not-run',
  'late',
] as const
export type MissedReason = (typeof MISSED_REASONS)[number]

/** Short labels, for filters and badges. */
export const MISSED_REASON_LABELS: Record<MissedReason, string> = {
  offline: 'Target offline',
  blocked: 'Target blocked',
  'not-downloaded': 'Not downloaded',
  'still-running': 'Skipped: still running',
  paused: 'Paused',
  'not-run': 'Not run',
  late: 'Started late',
}

/** Reasons counted as "missed" on the Jobs list: a pause is chosen and a late run did run. */
export const COUNTED_MISSED_REASONS: MissedReason[] = [
  'offline',
  'blocked',
  'not-downloaded',
  'still-running',
  'not-run',
]

export interface MissedRunFacts {
  reason: string
  seenAt: string | null
  note: string | null
  lateByMs: number | null
}

/** How late, to the second under an hour: "45 s", "1 min 30 s", "2 h 5 min". */
export function formatLateness(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  const [m, s] = [Math.floor(seconds / 60), seconds % 60]
  if (m < 60) return s ? `${m} min ${s} s` : `${m} min`
  const [h, rest] = [Math.floor(m / 60), m % 60]
  return rest ? `${h} h ${rest} min` : `${h} h`
}

/** The reason in a sentence; `at` writes a time the reader's way. */
export function missedRunSentence(run: MissedRunFacts, at: (iso: string) => string): string {
  const seen = run.seenAt ? at(run.seenAt) : null
  switch (run.reason) {
    case 'offline':
      return seen
        ? `Not run: the target server was not polling (its last poll was at ${seen}).`
        : 'Not run: the target server had never polled the master.'
    case 'blocked':
      return `Not run: the target server's downloads were blocked by an instruction in error${run.note ? ` (${run.note})` : ''}.`
    case 'not-downloaded':
      return 'Not run: the target server had not downloaded the job yet.'
    case 'still-running':
      return `Skipped: the previous run${seen ? `, started at ${seen},` : ''} was still running.`
    case 'paused':
      return `Not run: the job's schedules were paused${seen ? ` until ${seen}` : ''}.`
    case 'late':
      return `Started late by ${formatLateness(run.lateByMs ?? 0)}${seen ? `, at ${seen}` : ''}.`
    default:
      return 'Not run: the target server held the job and was polling, but reported no run for this time.'
  }
}
