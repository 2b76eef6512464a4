// (g)'s concurrent writers, while a bulk action runs: a location edit in the same process (as the dashboard
// writes beside the bulk action), and poll batches from another process (as a gateway worker records polls), each
// writing every 10 ms and noting how long each write waited and whether any failed or timed out.
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { MsxContext } from '../../lib/msx/context'
import { updateTargetLocation } from '../../lib/msx/targets'
import { summarize } from '../../lib/stats/percentiles'

export interface WriterStats {
  writes: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  failed: number
  timedOut: number
  firstError?: string
}

const PAUSE_MS = 10
const TIMEOUT = /timed? ?out|timeout|SQLITE_BUSY|database is locked|P1008|P2024|P2028/i

/** Runs `write` every 10 ms until stopped; the figures of every write. */
export function writeLoop(write: () => Promise<unknown>) {
  const latencies: number[] = []
  let failed = 0
  let timedOut = 0
  let firstError: string | undefined
  let stopping = false
  const done = (async () => {
    while (!stopping) {
      const started = performance.now()
      try {
        await write()
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        failed++
        if (TIMEOUT.test(message)) timedOut++
        firstError ??= message.trim().split('\n').at(-1)
      }
      latencies.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
    }
  })()
  return async (): Promise<WriterStats> => {
    stopping = true
    await done
    const s = summarize(latencies)
    return { writes: s.count, p50Ms: s.p50, p99Ms: s.p99, maxMs: s.max, failed, timedOut, firstError }
  }
}

/** A location edit of WRITER-1, again and again, through the core as the dashboard makes it. */
export function locationWriter(ctx: MsxContext) {
  let round = 0
  return writeLoop(() => updateTargetLocation(ctx, 'WRITER-1', `Rack ${round++ % 40}`))
}

/** Poll batches of the POLLER targets from another process on the same database file. */
export async function pollWriterProcess(url: string, targetIds: number[]) {
  const root = path.resolve(import.meta.dirname, '..', '..')
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './lib/node-hooks/server-only.mjs',
      path.join(import.meta.dirname, 'bulk-writer-process.ts'),
      url,
      targetIds.join(','),
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  await new Promise<void>((resolve, reject) => {
    const check = () => (out.includes('ready\n') ? resolve() : undefined)
    child.stdout?.on('data', check)
    child.once('exit', (code) => reject(new Error(`the poll writer ended before it was ready (${code})`)))
  })
  return async (): Promise<WriterStats> => {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.stdin?.end('stop\n')
    await exited
    const line = out.split('\n').find((l) => l.startsWith('{'))
    if (!line) throw new Error('the poll writer reported nothing')
    return JSON.parse(line) as WriterStats
  }
}
