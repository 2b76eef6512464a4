// When a job's run is told to the MSXOperator: the job's level on each channel (job-definition NOTIFY_LEVELS).
// Client-safe: no database here.
export const NOTIFY_CHANNELS = ['email', 'pager', 'webhook'] as const
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number]

const FAILED = 0
const SUCCEEDED = 1

/** Whether outcome and the previous run's form a change: only failed and succeeded runs count as previous. */
export function isDecisive(outcome: number): boolean {
  return outcome === FAILED || outcome === SUCCEEDED
}

/**
 * Whether a run ending in `outcome` is told at `level`. `previous` is the outcome of the last run of the job on the
 * same target that failed or succeeded (null: none yet); a first run that fails is a change, a first success is not.
 */
export function wantsNotice(level: string, outcome: number, previous: number | null): boolean {
  switch (level) {
    case 'success':
      return outcome === SUCCEEDED
    case 'failure':
      return outcome === FAILED
    case 'completion':
      return true
    case 'change':
      return outcome === FAILED ? previous !== FAILED : outcome === SUCCEEDED && previous === FAILED
    default:
      return false
  }
}
