// `npm run bench -- --only fleet --targets 10000`: N long-polling virtual targets, spread over the load processes.
// Posting one instruction to all of them, the time until each downloaded it and until all acknowledged; against
// the bare TLS baseline holding the same N open requests from the same processes and answering them all at once.
// And the memory each connected target costs the master, beside what it costs the bare baseline.
import fs from 'node:fs'
import path from 'node:path'
import { createEnlistmentToken } from '../../lib/msx/enlistment-tokens'
import { postOperation } from '../../lib/msx/post-operation'
import { type Summary, summarize } from '../../lib/stats/percentiles'
import { type Master, startMaster, stopAll, tempDir } from '../../test/support/processes'
import { startBaseline } from './baseline-process'
import { raiseOpenFileLimit } from './file-limit'
import { LoadGroup } from './load-group'
import { processTree, rssMb } from './proc'

export interface FleetSettings {
  targets: number
  rounds: number
  'enlist-concurrency': number
  'load-processes': number
  /** MSX_GATEWAY_WORKERS of the master */
  'gateway-workers': number
}

export interface FleetRound {
  latency: Summary
  missing: number
  /** from the post (or the release) until the last acknowledgement was taken; null if some never were */
  acknowledgedMs: number | null
  postMs?: number
}

export interface FleetResults {
  targets: number
  loadProcesses: number
  openFileLimit: { limit: number; refused: string | null }
  enlistment: { enlisted: number; errors: number; seconds: number }
  baseline: { rounds: FleetRound[]; all: Summary; rssMbIdle: number; rssMbHolding: number; kbPerTarget: number }
  master: { rounds: FleetRound[]; all: Summary; rssMbIdle: number; rssMbConnected: number; kbPerTarget: number }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** each phase's bound grows with the fleet: about what 1,000 targets need, per 1,000, and never under a minute */
const boundMs = (targets: number, perThousandMs: number) => Math.max(60_000, (targets / 1000) * perThousandMs)

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`)
    await sleep(200)
  }
}

const kbPerTarget = (idleMb: number, connectedMb: number, targets: number) => ((connectedMb - idleMb) * 1024) / targets

/** the master's environment for `--gateway-workers N` */
export function gatewayWorkersEnv(workers: number): Record<string, string> {
  return workers > 1 ? { MSX_GATEWAY_WORKERS: String(workers) } : {}
}

export async function benchFleet(settings: FleetSettings, say: (line: string) => void): Promise<FleetResults> {
  const { targets, rounds: roundCount } = settings
  // a socket per target in the master, and per target in the load processes, plus files and the database
  const openFileLimit = raiseOpenFileLimit(Math.max(65_536, targets * 2 + 4096))
  say(
    `open-file limit ${openFileLimit.limit}${openFileLimit.refused ? ` (raising it was refused: ${openFileLimit.refused})` : ''}`,
  )
  say('starting a gateway-only master and the bare TLS baseline (hold mode) on loopback')
  const master: Master = await startMaster(gatewayWorkersEnv(settings['gateway-workers']))
  const ctx = { db: master.db, actor: { name: 'bench', address: 'loopback' } }
  const pkiDir = path.join(master.dataDir, 'pki')
  const caPem = fs.readFileSync(path.join(pkiDir, 'ca.crt'), 'utf8')
  const baseline = await startBaseline(pkiDir, 'hold')
  const { secret } = await createEnlistmentToken(ctx, { label: 'benchmark' })
  const processes = settings['load-processes']
  const perProcess = Math.ceil(targets / processes)
  const load = new LoadGroup(
    Array.from({ length: processes }, (_, i) => ({
      master: master.url,
      prefix: `FLEET${i + 1}-`,
      count: Math.min(perProcess, targets - i * perProcess),
      token: secret,
      caPem,
      dataDir: tempDir('msx-bench-fleet-'),
      enlistConcurrency: settings['enlist-concurrency'],
      // the first polls are TLS handshakes with client certificates: a few hundred a second on shared cores
      rampUpSeconds: Math.max(2, targets / 400),
    })),
  )
  try {
    say(`enlisting ${targets} virtual targets through the protocol`)
    const started = performance.now()
    const enlisted = await load.enlist(boundMs(targets, 60_000))
    const enlistment = { ...enlisted, seconds: (performance.now() - started) / 1000 }
    if (enlisted.enlisted < targets) throw new Error(`only ${enlisted.enlisted} targets enlisted`)

    const baselinePid = baseline.child.pid ?? 0
    const baselineRssMbIdle = rssMb([baselinePid])
    let baselineRssMbHolding = 0
    const baselineRounds: FleetRound[] = []
    // round 0 is the first after start (cold caches and compiled queries): reported, not pooled
    const baselineSamples: number[] = []
    for (let round = 0; round <= roundCount; round++) {
      const sent = await load.hold(baseline.url, caPem, boundMs(targets, 20_000))
      if (sent.sent < targets) throw new Error(`only ${sent.sent} requests reached the baseline`)
      await until(async () => (await baseline.held()) >= targets, 60_000, 'the baseline did not hold every request')
      baselineRssMbHolding = Math.max(baselineRssMbHolding, rssMb([baselinePid]))
      const releasedAt = Date.now()
      baseline.release()
      const times = (await load.heldArrivals(60_000, round === roundCount)).map((at) => at - releasedAt)
      if (round > 0) baselineSamples.push(...times)
      baselineRounds.push({
        latency: summarize(times),
        missing: targets - times.length,
        acknowledgedMs: null,
      })
      say(`    baseline round ${round}: ${times.length} answers, p95 ${baselineRounds.at(-1)?.latency.p95} ms`)
    }

    const masterPids = () => processTree(master.process.child.pid ?? 0)
    const masterRssMbIdle = rssMb(masterPids())
    say(`${targets} virtual targets long-polling the master`)
    const longPollsFrom = new Date()
    await load.longPoll()
    await until(
      async () => (await master.db.targetServer.count({ where: { lastPollAt: { gte: longPollsFrom } } })) >= targets,
      boundMs(targets, 20_000),
      'not every target polled',
    )
    let masterRssMbConnected = 0
    const masterRounds: FleetRound[] = []
    const masterSamples: number[] = []
    for (let round = 0; round <= roundCount; round++) {
      await load.settled(boundMs(targets, 20_000))
      await sleep(500) // the last re-polls reach the gateway and wait there
      masterRssMbConnected = Math.max(masterRssMbConnected, rssMb(masterPids()))
      const value = String(60 + round)
      const postedAt = Date.now()
      await postOperation(ctx, { operation: 'SET-POLL', value, recipients: { all: true } })
      const postMs = Date.now() - postedAt
      const arrivals = await load.arrivals(value, 60_000)
      if (round > 0) masterSamples.push(...arrivals.map((at) => at - postedAt))
      const acknowledgedAt = await load.acknowledged(postedAt, 60_000)
      masterRounds.push({
        postMs,
        latency: summarize(arrivals.map((at) => at - postedAt)),
        missing: targets - arrivals.length,
        acknowledgedMs: acknowledgedAt === null ? null : acknowledgedAt - postedAt,
      })
      const last = masterRounds.at(-1)
      say(
        `    master round ${round}: ${arrivals.length} downloads, p95 ${last?.latency.p95} ms, max ${last?.latency.max} ms, all acknowledged at ${last?.acknowledgedMs} ms`,
      )
    }
    await load.stopSwarms()
    return {
      targets,
      loadProcesses: processes,
      openFileLimit,
      enlistment,
      baseline: {
        rounds: baselineRounds,
        all: summarize(baselineSamples),
        rssMbIdle: baselineRssMbIdle,
        rssMbHolding: baselineRssMbHolding,
        kbPerTarget: kbPerTarget(baselineRssMbIdle, baselineRssMbHolding, targets),
      },
      master: {
        rounds: masterRounds,
        all: summarize(masterSamples),
        rssMbIdle: masterRssMbIdle,
        rssMbConnected: masterRssMbConnected,
        kbPerTarget: kbPerTarget(masterRssMbIdle, masterRssMbConnected, targets),
      },
    }
  } finally {
    load.stop()
    baseline.stop()
    await master.db.$disconnect()
    await stopAll()
  }
}
