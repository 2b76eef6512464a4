import { z } from 'zod'
import { invalid } from './errors'

// sp_post_msx_operation's operations, by object type.
export const JOB_OPERATIONS = ['INSERT', 'UPDATE', 'DELETE', 'START', 'STOP'] as const
export const SERVER_OPERATIONS = ['RE-ENLIST', 'DEFECT', 'SYNC-TIME', 'SET-POLL'] as const
export type JobOperation = (typeof JOB_OPERATIONS)[number]
export type ServerOperation = (typeof SERVER_OPERATIONS)[number]
export type Operation = JobOperation | ServerOperation
export type ObjectType = 'JOB' | 'SERVER'

export const MIN_POLL_INTERVAL_SECONDS = 10
export const MAX_POLL_INTERVAL_SECONDS = 28_800

export function objectTypeOf(operation: Operation): ObjectType {
  return (JOB_OPERATIONS as readonly string[]).includes(operation) ? 'JOB' : 'SERVER'
}

export function parseOperation(text: string): Operation {
  const upper = text.trim().toUpperCase()
  if ((JOB_OPERATIONS as readonly string[]).includes(upper) || (SERVER_OPERATIONS as readonly string[]).includes(upper))
    return upper as Operation
  throw invalid(`"${text}" is not an operation: use one of ${[...JOB_OPERATIONS, ...SERVER_OPERATIONS].join(', ')}.`)
}

/** The rule for every polling interval (SET-POLL, a target's, the master's default for new targets). */
export const POLL_INTERVAL_RULE = `a whole number of seconds from ${MIN_POLL_INTERVAL_SECONDS} to ${MAX_POLL_INTERVAL_SECONDS.toLocaleString('en-US')}`

const intervalMessage = `Enter ${POLL_INTERVAL_RULE}.`

/** A polling interval in seconds, as a number. */
export const pollIntervalSeconds = z
  .number({ error: intervalMessage })
  .int(intervalMessage)
  .min(MIN_POLL_INTERVAL_SECONDS, intervalMessage)
  .max(MAX_POLL_INTERVAL_SECONDS, intervalMessage)

/** A polling interval as a form or a command line gives it: digits in a string, or a number. */
export const pollIntervalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
  pollIntervalSeconds,
)

/** SET-POLL's value: a whole number of seconds from 10 to 28,800. */
export function parsePollInterval(value: unknown): number {
  const parsed = pollIntervalText.safeParse(value)
  if (!parsed.success) throw invalid(`The polling interval must be ${POLL_INTERVAL_RULE}; got "${String(value)}".`)
  return parsed.data
}
