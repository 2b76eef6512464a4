// (g)'s writer in another process: records a poll of each given target every 10 ms (as a gateway worker does)
// until "stop" arrives on stdin, then prints its figures as one JSON line.
import { createDb } from '../../lib/db/client'
import { recordPolls } from '../../lib/msx/polls'
import { writeLoop } from './bulk-writers'

const [url, ids] = process.argv.slice(2)
if (!url || !ids) throw new Error('usage: bulk-writer-process.ts DATABASE_URL ID,ID,...')
const targetIds = ids.split(',').map(Number)
const db = await createDb(url)
const stop = writeLoop(() => {
  const at = new Date()
  return recordPolls(
    db,
    targetIds.map((targetId) => ({
      targetId,
      at,
      localTime: at,
      clockSkewMs: 0,
      spoolDepth: 0,
      spoolOldestAt: null,
      pollIntervalSeconds: 60,
      sample: false,
    })),
  )
})
process.stdout.write('ready\n')
process.stdin.setEncoding('utf8')
let stopping = false
// the bench ended without saying stop (it failed): end too
process.stdin.on('end', () => {
  if (!stopping) process.exit(1)
})
process.stdin.on('data', async (chunk: string) => {
  if (!chunk.includes('stop')) return
  stopping = true
  const stats = await stop()
  process.stdout.write(`${JSON.stringify(stats)}\n`)
  await db.$disconnect()
  process.exit(0)
})
