import { expect, test } from 'vitest'
import { formatRecord } from './log'

test('a log record reads as one line: time, level, message, fields', () => {
  const time = new Date(2026, 0, 2, 3, 4, 5, 6).getTime()
  expect(formatRecord({ level: 30, time, msg: 'dashboard listening', url: 'http://127.0.0.1:3000' })).toBe(
    '03:04:05.006 INFO  dashboard listening url=http://127.0.0.1:3000\n',
  )
  expect(formatRecord({ level: 40, time, msg: 'slow', target: 'TSX 1' })).toBe(
    '03:04:05.006 WARN  slow target="TSX 1"\n',
  )
})

test('an error record is followed by its stack', () => {
  const err = { message: 'boom', stack: 'Error: boom\n    at here' }
  expect(formatRecord({ level: 50, time: 0, msg: 'failed', err }).split('\n').slice(1, 3)).toEqual([
    'Error: boom',
    '    at here',
  ])
})
