// A log that keeps what is written to it, for tests that check a failure was reported rather than thrown.
import pino from 'pino'
import type { Log } from '../../lib/log'

export interface LogRecord {
  level: number
  msg: string
  err?: { message: string }
}

export function capturedLog(): { log: Log; records: LogRecord[] } {
  const records: LogRecord[] = []
  const log = pino({ level: 'warn', base: undefined }, { write: (json: string) => records.push(JSON.parse(json)) })
  return { log, records }
}
