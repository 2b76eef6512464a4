// One log for the master and msx-agent: pino, written as one readable line per event ("12:34:56.789 INFO  message key=value"),
// errors and worse on stderr. Written synchronously so the last lines before an exit are never lost.
import fs from 'node:fs'
import pino, { type Logger } from 'pino'

export type Log = Logger
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

const names: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' }

function clock(epoch: number) {
  const d = new Date(epoch)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

function value(v: unknown) {
  const text = typeof v === 'string' ? v : JSON.stringify(v)
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text
}

/** One pino record as a readable line (and the stack of its `err`, if any). */
export function formatRecord(record: Record<string, unknown>): string {
  const { level, time, msg, err, ...fields } = record
  const extra = Object.entries(fields).map(([k, v]) => ` ${k}=${value(v)}`)
  const name = (names[level as number] ?? String(level)).padEnd(5)
  const line = `${clock(time as number)} ${name} ${msg ?? ''}${extra.join('')}\n`
  const error = err as { message?: string; stack?: string } | undefined
  return error ? `${line}${error.stack ?? error.message}\n` : line
}

export function createLogger(level: LogLevel): Log {
  const destination = {
    write(json: string) {
      const record = JSON.parse(json) as Record<string, unknown>
      fs.writeSync((record.level as number) >= 50 ? 2 : 1, formatRecord(record))
    },
  }
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.epochTime }, destination)
}
