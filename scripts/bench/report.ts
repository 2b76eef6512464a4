// The benchmark's results: one table on the terminal, the same figures as JSON in bench-results/.
import fs from 'node:fs'
import path from 'node:path'
import { formatTable } from '../../cli/table'
import type { Summary } from '../../lib/stats/percentiles'
import type { BulkActionResults } from './bulk-actions'
import { bulkActionRows } from './bulk-actions-report'
import type { JobListResults } from './job-list'
import { jobListRows } from './job-list-report'
import type { TargetListResults } from './target-list'
import { targetListRows } from './target-list-report'
import type { TargetPageResults } from './target-page'
import { targetPageRows } from './target-page-report'

export interface Throughput {
  connections: number
  requests: number
  seconds: number
  errors: number
  statuses: Record<string, number>
  latency: Summary
  serverCpuSeconds: number
  clientCpuSeconds: number
}

export interface Results {
  startedAt: string
  machine: { node: string; cpus: number; cpuModel: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] }
  settings: Record<string, number>
  enlistment: { targets: number; errors: number; seconds: number }
  baseline: Throughput
  gateway: Throughput
  postToDownload: {
    targets: number
    rounds: { postMs: number; latency: Summary; missing: number; acknowledgedMs: number | null }[]
    all: Summary
  }
  postToFleet: { targets: number; roundsMs: number[] }
  memory: { masterRssMbIdle: number; masterRssMbWithLongPolls: number; simulatorRssMb: number }
  targetList: TargetListResults
  jobList: JobListResults
  bulkActions: BulkActionResults
  targetPage: TargetPageResults
}

/** The run's header line, footer and table columns, shared by the whole benchmark and (e) run alone. */
type Row = { measure: string; result: string; note: string }
function formatRun(startedAt: string, m: Results['machine'], rows: Row[], compare: string) {
  return [
    `msx-admin benchmark, ${startedAt} · Node ${m.node} · ${m.cpus} cores (${m.cpuModel}) · load average ${m.loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')} at start, ${m.loadAverageAtEnd.map((x) => x.toFixed(2)).join(' ')} at end`,
    '',
    formatTable(rows, [
      ['measure', (row) => row.measure],
      ['result', (row) => row.result],
      ['note', (row) => row.note],
    ]),
    '',
    'One run on this machine: whatever else runs on its cores (see the load average) moves every figure; compare',
    `${compare} measured in the same run, not runs with each other.`,
  ].join('\n')
}

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (value: number) => `${n(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ms`
const rate = (t: Throughput) => t.requests / t.seconds
/** Requests answered per second of the server's CPU: steadier than req/s when other work shares the cores. */
const perCpu = (t: Throughput) => t.requests / Math.max(t.serverCpuSeconds, 0.01)
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN

export function ratios(r: Results) {
  return {
    throughput: rate(r.gateway) / rate(r.baseline),
    perServerCpuSecond: perCpu(r.gateway) / perCpu(r.baseline),
    p50: r.gateway.latency.p50 / r.baseline.latency.p50,
    p99: r.gateway.latency.p99 / r.baseline.latency.p99,
  }
}

export function formatResults(r: Results): string {
  const q = ratios(r)
  const throughputRow = (label: string, t: Throughput) => {
    const serverBusy = t.serverCpuSeconds / t.seconds
    return {
      measure: label,
      result: `${n(rate(t))} req/s · p50 ${ms(t.latency.p50)} · p99 ${ms(t.latency.p99)} · ${n(perCpu(t))} req per server CPU-s`,
      note: [
        `${t.connections} keep-alive connections x ${r.settings.pipeline ?? 1} in flight`,
        `server CPU ${n(serverBusy * 100)}%${serverBusy < 0.9 ? ' (not saturated: the load generator or other work on the cores limits it)' : ''}`,
        `load generator CPU ${n((t.clientCpuSeconds / t.seconds) * 100)}%`,
        t.errors ? `${t.errors} socket errors` : '',
        Object.keys(t.statuses).length ? `statuses ${JSON.stringify(t.statuses)}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    }
  }
  const d = r.postToDownload.all
  const [first, ...measured] = r.postToDownload.rounds
  const rows = [
    throughputRow('(b) baseline: bare Node TLS keep-alive server', r.baseline),
    throughputRow('(a) gateway: empty polls, waitSeconds 0', r.gateway),
    {
      measure: '    gateway / baseline',
      result: `${n(q.perServerCpuSecond, 2)}x per server CPU-s (goal 0.25x) · ${n(q.throughput, 2)}x req/s`,
      note: `latency ${n(q.p50, 1)}x at p50, ${n(q.p99, 1)}x at p99; per CPU-s is the fairer ratio when either server is not saturated`,
    },
    {
      measure: `(c) post -> download, ${n(r.postToDownload.targets)} long polls`,
      result: `p50 ${ms(d.p50)} · p95 ${ms(d.p95)} · max ${ms(d.max)}`,
      note: `${measured.length} rounds, ${n(d.count)} downloads (p50 by round ${measured.map((x) => ms(x.latency.p50)).join(', ')}); first post after start, not pooled: p50 ${ms(first?.latency.p50 ?? Number.NaN)}, p95 ${ms(first?.latency.p95 ?? Number.NaN)}; postOperation itself ${r.postToDownload.rounds.map((x) => ms(x.postMs)).join(', ')}`,
    },
    {
      measure: `    all ${n(r.postToDownload.targets)} acknowledged`,
      result: r.postToDownload.rounds
        .map((x) => (x.acknowledgedMs === null ? 'not all' : ms(x.acknowledgedMs)))
        .join(', '),
      note: 'after the post, per round (the first post after start first): every target has acknowledged and been answered',
    },
    {
      measure: `(d) post one instruction to ${n(r.postToFleet.targets)} targets`,
      result: `${ms(median(r.postToFleet.roundsMs))} (median)`,
      note: `rounds ${r.postToFleet.roundsMs.map(ms).join(', ')}; ${n((median(r.postToFleet.roundsMs) * 1000) / r.postToFleet.targets, 1)} µs per target`,
    },
    {
      measure: 'enlistment through the protocol',
      result: `${n(r.enlistment.targets)} targets in ${n(r.enlistment.seconds, 1)} s (${n(r.enlistment.targets / r.enlistment.seconds)}/s)`,
      note: r.enlistment.errors ? `${r.enlistment.errors} errors` : 'token, CSR, signed client certificate each',
    },
    {
      measure: 'memory',
      result: `master ${n(r.memory.masterRssMbWithLongPolls)} MB with ${n(r.postToDownload.targets)} long polls (${n(r.memory.masterRssMbIdle)} MB before)`,
      note: `load processes holding the virtual targets: ${n(r.memory.simulatorRssMb)} MB in ${r.settings['load-processes'] ?? 1}`,
    },
  ]
  return formatRun(
    r.startedAt,
    r.machine,
    [
      ...rows,
      ...targetListRows(r.targetList),
      ...jobListRows(r.jobList),
      ...bulkActionRows(r.bulkActions),
      ...targetPageRows(r.targetPage),
    ],
    'the gateway with the baseline, and the large fleet with the small one,',
  )
}

export type TargetListRun = Pick<Results, 'startedAt' | 'machine'> &
  Partial<Pick<Results, 'targetList' | 'jobList' | 'bulkActions' | 'targetPage'>>

/** `npm run bench -- --only target-list`, `--only jobs`, `--only bulk` or `--only target-page`: one part alone. */
export function formatTargetListRun(r: TargetListRun): string {
  const rows = [
    ...(r.targetList ? targetListRows(r.targetList) : []),
    ...(r.jobList ? jobListRows(r.jobList) : []),
    ...(r.bulkActions ? bulkActionRows(r.bulkActions) : []),
    ...(r.targetPage ? targetPageRows(r.targetPage) : []),
  ]
  return formatRun(r.startedAt, r.machine, rows, 'the large fleet with the small one')
}

/** Writes bench-results/bench-TIMESTAMP.json and bench-results/latest.json; returns the first path. */
export function writeResults(dir: string, r: Results | TargetListRun): string {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `bench-${r.startedAt.replace(/[:.]/g, '-')}.json`)
  const text = `${JSON.stringify('gateway' in r ? { ...r, ratios: ratios(r) } : r, null, 2)}\n`
  fs.writeFileSync(file, text)
  fs.writeFileSync(path.join(dir, 'latest.json'), text)
  return file
}
