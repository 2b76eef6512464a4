// `npm run bench -- --only fleet`: the fleet's figures as a table, the master as a ratio of the bare baseline.
import { formatTable } from '../../cli/table'
import type { FleetResults, FleetRound } from './fleet'
import type { Results } from './report'

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (value: number | null) => (value === null ? 'not all' : `${n(value)} ms`)
const byRound = (rounds: FleetRound[]) => rounds.map((r) => `p95 ${ms(r.latency.p95)} max ${ms(r.latency.max)}`)

export type FleetRun = { startedAt: string; machine: Results['machine']; fleet: FleetResults }

export function fleetRatios(f: FleetResults) {
  return {
    p95: f.master.all.p95 / f.baseline.all.p95,
    max: f.master.all.max / f.baseline.all.max,
    kbPerTarget: f.master.kbPerTarget / f.baseline.kbPerTarget,
  }
}

export function formatFleetRun({ startedAt, machine: m, fleet: f }: FleetRun): string {
  const q = fleetRatios(f)
  const [, ...measured] = f.master.rounds
  const rows = [
    {
      measure: `baseline: bare TLS server answers ${n(f.targets)} held requests at once`,
      result: `p50 ${ms(f.baseline.all.p50)} · p95 ${ms(f.baseline.all.p95)} · max ${ms(f.baseline.all.max)}`,
      note: `by round (the first not pooled): ${byRound(f.baseline.rounds).join(', ')}`,
    },
    {
      measure: `master: post one instruction to ${n(f.targets)} long polls -> downloaded`,
      result: `p50 ${ms(f.master.all.p50)} · p95 ${ms(f.master.all.p95)} · max ${ms(f.master.all.max)}`,
      note: `goal p95 <= 1,000 ms, max <= 2,000 ms; by round: ${byRound(f.master.rounds).join(', ')}; postOperation itself ${f.master.rounds.map((r) => ms(r.postMs ?? null)).join(', ')}`,
    },
    {
      measure: '    master / baseline',
      result: `${n(q.p95, 2)}x at p95 · ${n(q.max, 2)}x at max`,
      note: 'goal at most 2x',
    },
    {
      measure: `    all ${n(f.targets)} acknowledged`,
      result: measured.map((r) => ms(r.acknowledgedMs)).join(', '),
      note: `after the post, per measured round (goal 3,000 ms); first round ${ms(f.master.rounds[0]?.acknowledgedMs ?? null)}`,
    },
    {
      measure: 'memory per connected target',
      result: `master ${n(f.master.kbPerTarget, 1)} KB · baseline ${n(f.baseline.kbPerTarget, 1)} KB (${n(q.kbPerTarget, 1)}x)`,
      note: `goal master <= 50 KB; master ${n(f.master.rssMbIdle)} -> ${n(f.master.rssMbConnected)} MB, baseline ${n(f.baseline.rssMbIdle)} -> ${n(f.baseline.rssMbHolding)} MB`,
    },
    {
      measure: 'enlistment through the protocol',
      result: `${n(f.enlistment.enlisted)} targets in ${n(f.enlistment.seconds, 1)} s`,
      note: `${f.loadProcesses} load processes; open-file limit ${f.openFileLimit.limit}${f.openFileLimit.refused ? ` (raising refused: ${f.openFileLimit.refused})` : ''}`,
    },
  ]
  return [
    `msx-admin benchmark (fleet), ${startedAt} · Node ${m.node} · ${m.cpus} cores (${m.cpuModel}) · load average ${m.loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')} at start, ${m.loadAverageAtEnd.map((x) => x.toFixed(2)).join(' ')} at end`,
    '',
    formatTable(rows, [
      ['measure', (row) => row.measure],
      ['result', (row) => row.result],
      ['note', (row) => row.note],
    ]),
    '',
    'One run on this machine: compare the master with the baseline measured in the same run, not runs with each other.',
  ].join('\n')
}
