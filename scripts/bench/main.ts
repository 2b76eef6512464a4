// npm run bench: starts a gateway-only master and a bare TLS baseline on loopback, drives both from a separate
// load process, and measures (a) empty-poll throughput and latency against (b) the baseline, (c) post-to-download
// time over 1,000 long-polling virtual targets, (d) posting one instruction to 10,000 targets, (e) the Target Server
// Status list's queries with 10,000 targets against 10 (`--only target-list` runs (e) alone), (f) the Jobs list, a
// job's History and Running now with 1,000 jobs, 10,000 targets and 500,000 runs against a small master (`--only jobs`),
// (g) Defect, Force Defection and Re-synchronize of 10,000 targets (`--only bulk`), (h) the Target Server Status page
// over HTTP with 100,000 targets against 100 (`--only target-page`). Every phase is
// bounded; the whole run stops by itself.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createEnlistmentToken } from '../../lib/msx/enlistment-tokens'
import { postOperation } from '../../lib/msx/post-operation'
import { summarize } from '../../lib/stats/percentiles'
import { seedFleet } from '../../test/support/fleet'
import { type Master, startMaster, stopAll, tempDir } from '../../test/support/processes'
import { startBaseline } from './baseline-process'
import { benchBulkActions } from './bulk-actions'
import { benchFleet, gatewayWorkersEnv } from './fleet'
import { formatFleetRun } from './fleet-report'
import { benchJobList } from './job-list'
import { LoadGroup } from './load-group'
import { processTree, rssMb } from './proc'
import { formatResults, formatTargetListRun, type Results, writeResults } from './report'
import { benchTargetList } from './target-list'
import { benchTargetPage } from './target-page'

const root = path.resolve(import.meta.dirname, '..', '..')

const settings = z
  .object({
    targets: z.coerce.number().int().min(10).max(20_000).default(1000),
    fleet: z.coerce.number().int().min(100).max(100_000).default(10_000),
    seconds: z.coerce.number().int().min(2).max(60).default(10),
    connections: z.coerce.number().int().min(1).max(512).default(64),
    pipeline: z.coerce.number().int().min(1).max(16).default(1),
    rounds: z.coerce.number().int().min(1).max(10).default(3),
    'enlist-concurrency': z.coerce.number().int().min(1).max(64).default(16),
    /** processes the virtual targets of (c) are spread over; the saturation load uses the first */
    'load-processes': z.coerce.number().int().min(1).max(4).default(2),
    /** the master's gateway processes (MSX_GATEWAY_WORKERS), for (a), (c) and the fleet part */
    'gateway-workers': z.coerce.number().int().min(1).max(16).default(1),
    /** (e): targets in the large fleet, and the runs of each query timed on it and on the baseline */
    'list-targets': z.coerce.number().int().min(100).max(100_000).default(10_000),
    'list-rounds': z.coerce.number().int().min(3).max(100).default(15),
    /** (f): jobs, targets and runs per holding of the large master, and the runs of each query */
    'jobs-count': z.coerce.number().int().min(10).max(10_000).default(1000),
    'jobs-targets': z.coerce.number().int().min(20).max(100_000).default(10_000),
    'jobs-runs': z.coerce.number().int().min(1).max(500).default(25),
    'jobs-rounds': z.coerce.number().int().min(3).max(100).default(7),
    /** (g): targets behind the page's large master, and the runs of each request */
    'page-targets': z.coerce.number().int().min(1000).max(100_000).default(100_000),
    'page-rounds': z.coerce.number().int().min(3).max(100).default(7),
    only: z.enum(['all', 'target-list', 'jobs', 'bulk', 'target-page', 'fleet']).default('all'),
  })
  .parse(
    parseArgs({
      options: Object.fromEntries(
        [
          'targets',
          'fleet',
          'seconds',
          'connections',
          'pipeline',
          'rounds',
          'enlist-concurrency',
          'load-processes',
          'gateway-workers',
          'list-targets',
          'list-rounds',
          'jobs-count',
          'jobs-targets',
          'jobs-runs',
          'jobs-rounds',
          'page-targets',
          'page-rounds',
          'only',
        ].map((k) => [k, { type: 'string' }]),
      ),
    }).values,
  )

const { only, ...numeric } = settings
// the fleet alone enlists and connects up to 20,000 targets twice over (the baseline, then the master)
const HARD_LIMIT_MS = (only === 'fleet' ? 15 : 20) * 60_000

const say = (line: string) => console.error(`[bench] ${line}`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`a condition was not met within ${timeoutMs / 1000} s`)
    await sleep(200)
  }
}

const machine = (loadAverageAtStart: number[]) => ({
  node: process.versions.node,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  loadAverageAtStart,
  loadAverageAtEnd: os.loadavg(),
})

async function main() {
  const startedAt = new Date().toISOString()
  const loadAverageAtStart = os.loadavg()
  // first, with no master or load process on the cores: it times queries in this process
  const jobShape = { jobs: settings['jobs-count'], targets: settings['jobs-targets'], runs: settings['jobs-runs'] }
  if (only === 'fleet') {
    const fleet = await benchFleet(settings, say)
    const run = { startedAt, machine: machine(loadAverageAtStart), fleet }
    console.log(formatFleetRun(run))
    console.log(`\nwritten to ${path.relative(root, writeResults(path.join(root, 'bench-results'), run))}`)
    return
  }
  const bulkShape = { targets: 10_000, baseline: 100, oneByOne: 1000 }
  if (only === 'jobs' || only === 'bulk') {
    const jobList = only === 'jobs' ? await benchJobList(jobShape, settings['jobs-rounds'], say) : undefined
    const bulkActions = only === 'bulk' ? await benchBulkActions(bulkShape, say) : undefined
    const run = { startedAt, machine: machine(loadAverageAtStart), jobList, bulkActions }
    console.log(formatTargetListRun(run))
    console.log(`\nwritten to ${path.relative(root, writeResults(path.join(root, 'bench-results'), run))}`)
    return
  }
  if (only === 'target-page') {
    const targetPage = await benchTargetPage(settings['page-targets'], settings['page-rounds'], say)
    const run = { startedAt, machine: machine(loadAverageAtStart), targetPage }
    console.log(formatTargetListRun(run))
    console.log(`\nwritten to ${path.relative(root, writeResults(path.join(root, 'bench-results'), run))}`)
    return
  }
  const targetList = await benchTargetList(settings['list-targets'], settings['list-rounds'], say)
  const jobList = only === 'all' ? await benchJobList(jobShape, settings['jobs-rounds'], say) : undefined
  const bulkActions = only === 'all' ? await benchBulkActions(bulkShape, say) : undefined
  const targetPage =
    only === 'all' ? await benchTargetPage(settings['page-targets'], settings['page-rounds'], say) : undefined
  if (only === 'target-list') {
    const run = { startedAt, machine: machine(loadAverageAtStart), targetList }
    console.log(formatTargetListRun(run))
    console.log(`\nwritten to ${path.relative(root, writeResults(path.join(root, 'bench-results'), run))}`)
    return
  }
  say(`starting a gateway-only master on loopback`)
  const master: Master = await startMaster(gatewayWorkersEnv(settings['gateway-workers']))
  const ctx = { db: master.db, actor: { name: 'bench', address: 'loopback' } }
  const pkiDir = path.join(master.dataDir, 'pki')
  const caPem = fs.readFileSync(path.join(pkiDir, 'ca.crt'), 'utf8')
  const baseline = await startBaseline(pkiDir)
  const { secret } = await createEnlistmentToken(ctx, { label: 'benchmark' })
  const perProcess = Math.ceil(settings.targets / settings['load-processes'])
  const load = new LoadGroup(
    Array.from({ length: settings['load-processes'] }, (_, i) => ({
      master: master.url,
      prefix: `BENCH${i + 1}`,
      count: Math.min(perProcess, settings.targets - i * perProcess),
      token: secret,
      caPem,
      dataDir: tempDir('msx-bench-swarm-'),
      enlistConcurrency: settings['enlist-concurrency'],
      rampUpSeconds: 2,
    })),
  )
  const cleanup = async () => {
    load.stop()
    baseline.child.kill('SIGTERM')
    await master.db.$disconnect()
    await stopAll()
  }
  try {
    say(`enlisting ${settings.targets} virtual targets through the protocol`)
    const enlistment = await load.enlist()
    if (enlistment.enlisted < settings.targets) throw new Error(`only ${enlistment.enlisted} targets enlisted`)

    const saturate = (url: string, serverPid: number) =>
      load.saturate({
        url,
        caPem,
        connections: settings.connections,
        pipeline: settings.pipeline,
        warmupMs: 2000,
        durationMs: settings.seconds * 1000,
        serverPid,
      })
    say(`(b) baseline: ${settings.seconds} s at saturation`)
    const baselineRun = await saturate(baseline.url, baseline.child.pid ?? 0)
    say(`(a) gateway: ${settings.seconds} s of empty polls at saturation`)
    const gatewayRun = await saturate(master.url, master.process.child.pid ?? 0)

    const masterRssMbIdle = rssMb(processTree(master.process.child.pid ?? 0))
    say(`(c) ${settings.targets} virtual targets long-polling`)
    const longPollsFrom = new Date()
    await load.longPoll()
    // the master has taken every first poll (handshake, identity, first look at the download list)
    await until(
      async () =>
        (await master.db.targetServer.count({ where: { lastPollAt: { gte: longPollsFrom } } })) >= settings.targets,
      60_000,
    )
    const rounds: Results['postToDownload']['rounds'] = []
    const latencies: number[] = []
    let simulatorRssMb = 0
    // round 0 is the first post after the master started (cold caches and compiled queries): reported, not pooled
    for (let round = 0; round <= settings.rounds; round++) {
      const settled = await load.settled(60_000)
      simulatorRssMb = Math.max(simulatorRssMb, settled.rssMb)
      await sleep(500) // the last re-polls reach the gateway and wait there
      const value = String(60 + round)
      const postedAt = Date.now()
      await postOperation(ctx, { operation: 'SET-POLL', value, recipients: { all: true } })
      const postMs = Date.now() - postedAt
      const arrivals = await load.arrivals(value, 60_000)
      const times = arrivals.map((at) => at - postedAt)
      if (round > 0) latencies.push(...times)
      const acknowledgedAt = await load.acknowledged(postedAt, 120_000)
      const acknowledgedMs = acknowledgedAt === null ? null : acknowledgedAt - postedAt
      rounds.push({ postMs, latency: summarize(times), missing: settings.targets - arrivals.length, acknowledgedMs })
      say(
        `    round ${round}: ${arrivals.length} downloads, p50 ${rounds.at(-1)?.latency.p50} ms, all acknowledged at ${acknowledgedMs} ms`,
      )
    }
    await load.settled(60_000)
    const masterRssMbWithLongPolls = rssMb(processTree(master.process.child.pid ?? 0))
    await load.stopSwarms()

    const seeded = settings.fleet - settings.targets
    say(`(d) seeding ${seeded} more targets, posting to all ${settings.fleet}`)
    await seedFleet(master.db, 'FLEET', seeded)
    const roundsMs: number[] = []
    for (let round = 1; round <= settings.rounds; round++) {
      const started = performance.now()
      const { posted } = await postOperation(ctx, {
        operation: 'SET-POLL',
        value: String(120 + round),
        recipients: { all: true },
      })
      roundsMs.push(performance.now() - started)
      if (posted !== settings.fleet) throw new Error(`posted to ${posted} targets, not ${settings.fleet}`)
    }

    const results: Results = {
      startedAt,
      machine: machine(loadAverageAtStart),
      settings: numeric,
      enlistment: { targets: enlistment.enlisted, errors: enlistment.errors, seconds: enlistment.seconds },
      baseline: baselineRun,
      gateway: gatewayRun,
      postToDownload: { targets: settings.targets, rounds, all: summarize(latencies) },
      postToFleet: { targets: settings.fleet, roundsMs },
      memory: { masterRssMbIdle, masterRssMbWithLongPolls, simulatorRssMb },
      targetList,
      jobList: jobList as NonNullable<typeof jobList>,
      bulkActions: bulkActions as NonNullable<typeof bulkActions>,
      targetPage: targetPage as NonNullable<typeof targetPage>,
    }
    console.log(formatResults(results))
    console.log(`\nwritten to ${path.relative(root, writeResults(path.join(root, 'bench-results'), results))}`)
  } finally {
    await cleanup()
  }
}

const limit = setTimeout(() => {
  say(`stopped after ${HARD_LIMIT_MS / 60_000} minutes`)
  void stopAll().finally(() => process.exit(1))
}, HARD_LIMIT_MS)
main().then(
  () => {
    clearTimeout(limit)
    process.exit(0)
  },
  async (error: unknown) => {
    say(`failed: ${error instanceof Error ? error.message : String(error)}`)
    await stopAll()
    process.exit(1)
  },
)
